# expect: pass
"""scipy.special: xlogy, log_expit and log_softmax (all allowed here)."""

import numpy as np
from scipy.special import log_expit, log_softmax, xlogy


def mse(pred, target):
    return float(np.average((pred - target) ** 2))


def mae(pred, target):
    return float(np.average(np.abs(pred - target)))


def binary_cross_entropy(probs, target, eps=1e-12):
    terms = xlogy(target, np.maximum(probs, eps)) + xlogy(1 - target, np.maximum(1 - probs, eps))
    return float(-terms.mean())


def bce_with_logits(logits, target):
    # log(1 - sigmoid(x)) = log(sigmoid(-x))
    return float(-(target * log_expit(logits) + (1 - target) * log_expit(-logits)).mean())


def cross_entropy(logits, labels, label_smoothing=0.0):
    log_probs = log_softmax(logits, axis=1)
    n, c = logits.shape
    nll = -log_probs[np.arange(n), labels].mean()
    uniform = -log_probs.sum() / (n * c)
    return float((1 - label_smoothing) * nll + label_smoothing * uniform)
