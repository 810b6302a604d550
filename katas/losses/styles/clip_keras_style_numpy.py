# expect: pass
"""p clipped into [eps, 1 - eps] (harmless in float64: 1 - (1 - 1e-12) is 9.99978e-13); the stable
BCE with logits split by the sign of x through boolean masks, so no branch overflows."""

import numpy as np


def mse(pred, target):
    return float(np.mean((target - pred) ** 2))


def mae(pred, target):
    return float(np.mean(np.abs(target - pred)))


def binary_cross_entropy(probs, target, eps=1e-12):
    p = np.clip(probs, eps, 1 - eps)
    return float(-np.mean(target * np.log(p) + (1 - target) * np.log(1 - p)))


def bce_with_logits(logits, target):
    out = np.empty_like(logits)
    pos = logits >= 0
    x, y = logits[pos], target[pos]
    out[pos] = x * (1 - y) + np.log1p(np.exp(-x))
    x, y = logits[~pos], target[~pos]
    out[~pos] = -x * y + np.log1p(np.exp(x))
    return float(out.mean())


def cross_entropy(logits, labels, label_smoothing=0.0):
    n, c = logits.shape
    m = logits.max(axis=1)
    lse = m + np.log(np.exp(logits - m[:, None]).sum(axis=1))
    nll = lse - logits[np.arange(n), labels]
    smooth = lse - logits.sum(axis=1) / c
    return float(((1 - label_smoothing) * nll + label_smoothing * smooth).mean())
