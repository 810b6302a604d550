"""Classic mistakes of the losses kata, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


def _softplus(x):
    return x.clamp(min=0.0) + torch.log1p(torch.exp(-x.abs()))


def _smoothed_target(labels, n_classes, label_smoothing, like):
    q = torch.full((labels.shape[0], n_classes), label_smoothing / n_classes, dtype=like.dtype, device=like.device)
    rows = torch.arange(labels.shape[0], device=like.device)
    q[rows, labels] += 1.0 - label_smoothing
    return q


class missing_minus_sign:
    def binary_cross_entropy(probs, target, eps=1e-12):
        log_p = probs.clamp(min=eps).log()
        log_not_p = (1.0 - probs).clamp(min=eps).log()
        return (target * log_p + (1.0 - target) * log_not_p).mean()  # the log-likelihood, not its negative

    def bce_with_logits(logits, target):
        return (logits * target - _softplus(logits)).mean()  # sign flipped

    def cross_entropy(logits, labels, label_smoothing=0.0):
        q = _smoothed_target(labels, logits.shape[1], label_smoothing, logits)
        return (q * torch.log_softmax(logits, dim=1)).sum(dim=1).mean()  # sum of q log p, no minus


class log_of_zero:
    def binary_cross_entropy(probs, target, eps=1e-12):
        # no floor: log(0) = -inf, and 0 * -inf = NaN where the label makes the term vanish
        return -(target * torch.log(probs) + (1.0 - target) * torch.log(1.0 - probs)).mean()


class clip_both_ends:
    def binary_cross_entropy(probs, target, eps=1e-12):
        p = probs.clamp(eps, 1.0 - eps)  # 1 - 1e-12 is 1.0 in float32: p = 1 stays 1
        return -(target * p.log() + (1.0 - target) * (1.0 - p).log()).mean()


class eps_added_not_clipped:
    def binary_cross_entropy(probs, target, eps=1e-12):
        # shifts every probability by eps instead of flooring the small ones
        return -(target * torch.log(probs + eps) + (1.0 - target) * torch.log(1.0 - probs + eps)).mean()


class bce_with_logits_overflow:
    def bce_with_logits(logits, target):
        p = 1.0 / (1.0 + torch.exp(-logits))  # exactly 1.0 past x = 16.6 in float32, and 0 far left
        return -(target * torch.log(p) + (1.0 - target) * torch.log(1.0 - p)).mean()


class probabilities_not_logits:
    def cross_entropy(logits, labels, label_smoothing=0.0):
        # the rows are taken as probabilities: never normalised, log of negatives is NaN
        q = _smoothed_target(labels, logits.shape[1], label_smoothing, logits)
        return -(q * torch.log(logits)).sum(dim=1).mean()


class softmax_then_log:
    def cross_entropy(logits, labels, label_smoothing=0.0):
        probs = torch.softmax(logits, dim=1)  # tiny probabilities round to 0
        q = _smoothed_target(labels, logits.shape[1], label_smoothing, logits)
        return -(q * torch.log(probs)).sum(dim=1).mean()  # log(0) = -inf


class sum_instead_of_mean:
    def mse(pred, target):
        return ((pred - target) ** 2).sum()

    def mae(pred, target):
        return (pred - target).abs().sum()

    def binary_cross_entropy(probs, target, eps=1e-12):
        log_p = probs.clamp(min=eps).log()
        log_not_p = (1.0 - probs).clamp(min=eps).log()
        return -(target * log_p + (1.0 - target) * log_not_p).sum()

    def bce_with_logits(logits, target):
        return (_softplus(logits) - logits * target).sum()

    def cross_entropy(logits, labels, label_smoothing=0.0):
        q = _smoothed_target(labels, logits.shape[1], label_smoothing, logits)
        return -(q * torch.log_softmax(logits, dim=1)).sum()  # summed over the batch too


class mean_over_classes:
    def cross_entropy(logits, labels, label_smoothing=0.0):
        q = _smoothed_target(labels, logits.shape[1], label_smoothing, logits)
        return -(q * torch.log_softmax(logits, dim=1)).mean()  # divides by N * C


class smoothing_over_other_classes:
    def cross_entropy(logits, labels, label_smoothing=0.0):
        n, c = logits.shape
        q = torch.full((n, c), label_smoothing / (c - 1), dtype=logits.dtype, device=logits.device)
        q[torch.arange(n, device=logits.device), labels] = 1.0 - label_smoothing  # eps / (C - 1) elsewhere
        return -(q * torch.log_softmax(logits, dim=1)).sum(dim=1).mean()
