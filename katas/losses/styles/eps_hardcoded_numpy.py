# expect: fail
"""WRONG: the floor is a hard-coded 1e-7 (a common library default) and the eps argument is ignored."""

import numpy as np


def mse(pred, target):
    return float(np.mean((pred - target) ** 2))


def mae(pred, target):
    return float(np.mean(np.abs(pred - target)))


def binary_cross_entropy(probs, target, eps=1e-12):
    p = np.clip(probs, 1e-7, 1 - 1e-7)
    return float(-np.mean(target * np.log(p) + (1 - target) * np.log(1 - p)))


def bce_with_logits(logits, target):
    return float(np.mean(np.logaddexp(0, logits) - logits * target))


def cross_entropy(logits, labels, label_smoothing=0.0):
    z = logits - logits.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    n = len(labels)
    return float(np.mean(-(1 - label_smoothing) * lp[np.arange(n), labels] - label_smoothing * lp.mean(axis=1)))
