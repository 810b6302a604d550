"""Reference: regression and classification losses in PyTorch, without its loss functions."""

import torch


def mse(pred, target):
    return ((pred - target) ** 2).mean()


def mae(pred, target):
    return (pred - target).abs().mean()


def binary_cross_entropy(probs, target, eps=1e-12):
    # Each log's argument is floored on its own: clamping p into [eps, 1 - eps]
    # does not protect log(1 - p) in float32, where 1 - 1e-12 rounds to 1.
    log_p = probs.clamp(min=eps).log()
    log_not_p = (1.0 - probs).clamp(min=eps).log()
    return -(target * log_p + (1.0 - target) * log_not_p).mean()


def bce_with_logits(logits, target):
    # -log(sigmoid(x)) = softplus(-x) and -log(1 - sigmoid(x)) = softplus(x), so the
    # loss is softplus(x) - x * y; softplus(x) = max(x, 0) + log1p(exp(-|x|)) only
    # ever exponentiates a number <= 0.
    softplus = logits.clamp(min=0.0) + torch.log1p(torch.exp(-logits.abs()))
    return (softplus - logits * target).mean()


def cross_entropy(logits, labels, label_smoothing=0.0):
    log_probs = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    nll = -log_probs.gather(1, labels.unsqueeze(1)).squeeze(1)
    # The smoothed target puts (1 - eps) on the label and eps / C on every class,
    # the label included: its cross-entropy splits into these two terms.
    uniform = -log_probs.mean(dim=1)
    return ((1.0 - label_smoothing) * nll + label_smoothing * uniform).mean()
