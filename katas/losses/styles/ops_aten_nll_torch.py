# expect: forbidden
"""FORBIDDEN: everything by hand except the cross-entropy's pick, done by torch.ops.aten.nll_loss."""

import torch


def mse(pred, target):
    return ((pred - target) ** 2).mean()


def mae(pred, target):
    return (pred - target).abs().mean()


def binary_cross_entropy(probs, target, eps=1e-12):
    return -(target * probs.clamp(min=eps).log() + (1 - target) * (1 - probs).clamp(min=eps).log()).mean()


def bce_with_logits(logits, target):
    return (logits.clamp(min=0) - logits * target + torch.log1p(torch.exp(-logits.abs()))).mean()


def cross_entropy(logits, labels, label_smoothing=0.0):
    log_probs = torch.log_softmax(logits, dim=1)
    nll = torch.ops.aten.nll_loss(log_probs, labels, None, 1, -100)
    return (1 - label_smoothing) * nll - label_smoothing * log_probs.mean()
