# expect: fail
"""WRONG: the smoothed target adds eps (not eps / C) to every class, so it sums to 1 + (C - 1) eps."""

import torch
import torch.nn.functional as F


def mse(pred, target):
    return ((pred - target) ** 2).mean()


def mae(pred, target):
    return (pred - target).abs().mean()


def binary_cross_entropy(probs, target, eps=1e-12):
    return -(target * probs.clamp(min=eps).log() + (1 - target) * (1 - probs).clamp(min=eps).log()).mean()


def bce_with_logits(logits, target):
    return (logits.clamp(min=0) - logits * target + torch.log1p(torch.exp(-logits.abs()))).mean()


def cross_entropy(logits, labels, label_smoothing=0.0):
    q = (1 - label_smoothing) * F.one_hot(labels, logits.shape[1]).to(logits.dtype) + label_smoothing
    return -(q * torch.log_softmax(logits, dim=1)).sum(dim=1).mean()
