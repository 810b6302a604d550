# expect: pass
"""Dot products and einsum: a smoothed one-hot target matrix, np.where for the floors."""

import numpy as np


def mse(pred, target):
    d = (pred - target).ravel()
    return float(d @ d) / d.size


def mae(pred, target):
    d = (pred - target).ravel()
    return float(np.sign(d) @ d) / d.size


def binary_cross_entropy(probs, target, eps=1e-12):
    p = np.where(probs < eps, eps, probs)
    not_p = np.where(1 - probs < eps, eps, 1 - probs)
    y = target.ravel()
    return -float(np.einsum("i,i->", y, np.log(p).ravel()) + np.einsum("i,i->", 1 - y, np.log(not_p).ravel())) / y.size


def bce_with_logits(logits, target):
    x = logits
    return float(np.sum(np.maximum(x, 0) - x * target + np.log1p(np.exp(-np.abs(x))))) / x.size


def cross_entropy(logits, labels, label_smoothing=0.0):
    n, c = logits.shape
    q = np.full((n, c), label_smoothing / c)
    q[np.arange(n), labels] += 1 - label_smoothing
    z = logits - logits.max(axis=1, keepdims=True)
    log_probs = z - np.log(np.exp(z).sum(axis=1))[:, None]
    return -float(np.einsum("nc,nc->", q, log_probs)) / n
