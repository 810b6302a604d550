# expect: fail
"""WRONG: log_probs[:, labels] picks whole columns, an (N, N) array, and its mean mixes every row with every label."""

import numpy as np


def mse(pred, target):
    return float(np.mean((pred - target) ** 2))


def mae(pred, target):
    return float(np.mean(np.abs(pred - target)))


def binary_cross_entropy(probs, target, eps=1e-12):
    return float(-np.mean(target * np.log(np.maximum(probs, eps)) + (1 - target) * np.log(np.maximum(1 - probs, eps))))


def bce_with_logits(logits, target):
    return float(np.mean(np.logaddexp(0, logits) - logits * target))


def cross_entropy(logits, labels, label_smoothing=0.0):
    z = logits - logits.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    nll = -lp[:, labels]
    return float(np.mean((1 - label_smoothing) * nll) - label_smoothing * np.mean(lp))
