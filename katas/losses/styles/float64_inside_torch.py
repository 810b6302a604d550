# expect: pass
"""Everything in float64, cast back to the input's dtype at the end; torch.logaddexp for softplus."""

import torch


def _back(value, like):
    return value.to(like.dtype)


def mse(pred, target):
    return _back(((pred.double() - target.double()) ** 2).mean(), pred)


def mae(pred, target):
    return _back((pred.double() - target.double()).abs().mean(), pred)


def binary_cross_entropy(probs, target, eps=1e-12):
    p, y = probs.double(), target.double()
    loss = -(y * p.clamp(min=eps).log() + (1 - y) * (1 - p).clamp(min=eps).log()).mean()
    return _back(loss, probs)


def bce_with_logits(logits, target):
    x, y = logits.double(), target.double()
    zero = torch.zeros_like(x)
    return _back((y * torch.logaddexp(zero, -x) + (1 - y) * torch.logaddexp(zero, x)).mean(), logits)


def cross_entropy(logits, labels, label_smoothing=0.0):
    z = logits.double()
    z = z - z.max(dim=1, keepdim=True).values
    log_probs = z - z.exp().sum(dim=1, keepdim=True).log()
    nll = -log_probs[torch.arange(len(labels), device=labels.device), labels]
    return _back(((1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=1)).mean(), logits)
