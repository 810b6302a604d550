# expect: fail
"""WRONG: cross_entropy's log-sum-exp without the max shift: exp(1000) overflows to inf, and a row
near -1000 sums to 0 (log(0) = -inf); right for ordinary logits."""

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
    log_probs = logits - np.log(np.sum(np.exp(logits), axis=1, keepdims=True))
    n = logits.shape[0]
    nll = -log_probs[np.arange(n), labels]
    return float(np.mean((1 - label_smoothing) * nll - label_smoothing * log_probs.mean(axis=1)))
