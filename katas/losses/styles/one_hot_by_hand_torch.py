# expect: pass
"""By hand: amax shift, a smoothed one-hot target built with scatter_, clamp_min for the floors."""

import torch


def mse(pred, target):
    d = pred - target
    return (d * d).sum() / d.numel()


def mae(pred, target):
    return (pred - target).abs().sum() / pred.numel()


def binary_cross_entropy(probs, target, eps=1e-12):
    return -(target * probs.clamp_min(eps).log() + (1 - target) * (1 - probs).clamp_min(eps).log()).mean()


def bce_with_logits(logits, target):
    x = logits
    return (x.clamp_min(0) - x * target + (-x.abs()).exp().log1p()).mean()


def cross_entropy(logits, labels, label_smoothing=0.0):
    n, c = logits.shape
    z = logits - logits.amax(dim=1, keepdim=True)
    log_probs = z - z.exp().sum(dim=1, keepdim=True).log()
    q = torch.full_like(logits, label_smoothing / c)
    q.scatter_add_(1, labels.view(-1, 1), torch.full((n, 1), 1 - label_smoothing, dtype=logits.dtype,
                                                      device=logits.device))
    return -(q * log_probs).sum() / n
