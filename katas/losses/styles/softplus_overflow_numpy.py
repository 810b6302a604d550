# expect: fail
"""WRONG: bce_with_logits as log(1 + exp(x)) - x*y: right on paper, but exp(1000) overflows to inf."""

import numpy as np


def mse(pred, target):
    return float(np.mean((pred - target) ** 2))


def mae(pred, target):
    return float(np.mean(np.abs(pred - target)))


def binary_cross_entropy(probs, target, eps=1e-12):
    return float(-np.mean(target * np.log(np.maximum(probs, eps)) + (1 - target) * np.log(np.maximum(1 - probs, eps))))


def bce_with_logits(logits, target):
    return float(np.mean(np.log(1 + np.exp(logits)) - logits * target))


def cross_entropy(logits, labels, label_smoothing=0.0):
    z = logits - logits.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    n = len(labels)
    return float(np.mean(-(1 - label_smoothing) * lp[np.arange(n), labels] - label_smoothing * lp.mean(axis=1)))
