# expect: pass
"""torch.special.xlogy for the BCE terms, a Python loop over rows for the cross-entropy."""

import torch


def mse(pred, target):
    diff = torch.sub(pred, target)
    return torch.mean(diff * diff)


def mae(pred, target):
    return (pred - target).abs().mean()


def binary_cross_entropy(probs, target, eps=1e-12):
    p = probs.clamp(min=eps)
    q = (1 - probs).clamp(min=eps)
    return -(torch.special.xlogy(target, p) + torch.special.xlogy(1 - target, q)).mean()


def bce_with_logits(logits, target):
    x = logits
    return (torch.relu(x) - x * target + torch.log1p(torch.exp(-torch.abs(x)))).mean()


def cross_entropy(logits, labels, label_smoothing=0.0):
    rows = []
    c = logits.shape[1]
    for row, label in zip(logits, labels):
        shifted = row - row.max()
        log_p = shifted - shifted.exp().sum().log()
        rows.append(-(1 - label_smoothing) * log_p[label] - label_smoothing * log_p.sum() / c)
    return torch.stack(rows).mean()
