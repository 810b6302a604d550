# expect: fail
"""WRONG: bce_with_logits through torch.sigmoid and the floored logs: finite, but the floor caps the
loss of a logit of 1000 against 0 at -log(1e-12) = 27.6 instead of 1000."""

import torch


def mse(pred, target):
    return ((pred - target) ** 2).mean()


def mae(pred, target):
    return (pred - target).abs().mean()


def binary_cross_entropy(probs, target, eps=1e-12):
    return -(target * probs.clamp(min=eps).log() + (1 - target) * (1 - probs).clamp(min=eps).log()).mean()


def bce_with_logits(logits, target):
    return binary_cross_entropy(torch.sigmoid(logits), target)


def cross_entropy(logits, labels, label_smoothing=0.0):
    log_probs = torch.log_softmax(logits, dim=1)
    nll = -log_probs[torch.arange(len(labels), device=logits.device), labels]
    return ((1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=1)).mean()
