# expect: fail
"""WRONG: a "stable" sigmoid with np.where, which evaluates both branches: exp(-z) overflows at z = -800, and inf / inf at z = +800 warns too."""

import numpy as np


def _sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def forward(x, y, w1, w2, b):
    a2 = _sigmoid(w2 * max(w1 * x, 0.0) + b)
    return float(0.5 * (y - a2) ** 2)


def gradients(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = max(z1, 0.0)
    a2 = _sigmoid(w2 * a1 + b)
    d2 = (a2 - y) * a2 * (1 - a2)
    d1 = d2 * w2 * (z1 > 0)
    return {"w1": float(d1 * x), "w2": float(d2 * a1), "b": float(d2)}


def forward_with_bias(x, W, V):
    ones = np.ones(x.shape[:-1] + (1,))
    a1 = np.maximum(np.concatenate([x, ones], -1) @ W.T, 0)
    z2 = np.maximum(np.concatenate([a1, ones], -1) @ V.T, 0)
    e = np.exp(z2 - z2.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)
