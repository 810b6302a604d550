# expect: fail
"""WRONG: right numbers, returned as Python floats (.item()) instead of 0-d tensors."""

import torch


def mse(pred, target):
    return ((pred - target) ** 2).mean().item()


def mae(pred, target):
    return (pred - target).abs().mean().item()


def binary_cross_entropy(probs, target, eps=1e-12):
    return -(target * probs.clamp(min=eps).log() + (1 - target) * (1 - probs).clamp(min=eps).log()).mean().item()


def bce_with_logits(logits, target):
    return (logits.clamp(min=0) - logits * target + torch.log1p(torch.exp(-logits.abs()))).mean().item()


def cross_entropy(logits, labels, label_smoothing=0.0):
    log_probs = torch.log_softmax(logits, dim=1)
    nll = -log_probs[torch.arange(len(labels), device=logits.device), labels]
    return ((1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=1)).mean().item()
