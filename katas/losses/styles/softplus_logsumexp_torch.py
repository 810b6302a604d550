# expect: pass
"""F.softplus and torch.logsumexp; the label's logit by advanced indexing with an arange on the device."""

import torch
import torch.nn.functional as F


def mse(pred, target):
    return (pred - target).pow(2).mean()


def mae(pred, target):
    return (pred - target).abs().mean()


def binary_cross_entropy(probs, target, eps=1e-12):
    log_p = torch.where(probs > eps, probs, eps).log()
    log_not_p = torch.where(1 - probs > eps, 1 - probs, eps).log()
    return -(target * log_p + (1 - target) * log_not_p).mean()


def bce_with_logits(logits, target):
    return (target * F.softplus(-logits) + (1 - target) * F.softplus(logits)).mean()


def cross_entropy(logits, labels, label_smoothing=0.0):
    lse = torch.logsumexp(logits, dim=1)
    picked = logits[torch.arange(logits.shape[0], device=logits.device), labels]
    nll = lse - picked
    uniform = lse - logits.mean(dim=1)
    return ((1 - label_smoothing) * nll + label_smoothing * uniform).mean()
