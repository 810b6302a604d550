# expect: fail
"""WRONG: right numbers, but the loss and the gradients come back as 0-d arrays (np.where), not Python floats."""

import numpy as np


def _sigmoid(z):
    e = np.exp(-abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def forward(x, y, w1, w2, b):
    a2 = _sigmoid(w2 * max(w1 * x, 0.0) + b)
    return 0.5 * (y - a2) ** 2


def gradients(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = max(z1, 0.0)
    a2 = _sigmoid(w2 * a1 + b)
    d2 = (a2 - y) * a2 * (1 - a2)
    return {"w1": np.where(z1 > 0, d2 * w2 * x, 0.0), "w2": d2 * a1, "b": d2}


def forward_with_bias(x, W, V):
    ones = np.ones(x.shape[:-1] + (1,))
    a1 = np.maximum(np.concatenate([x, ones], -1) @ W.T, 0)
    z2 = np.maximum(np.concatenate([a1, ones], -1) @ V.T, 0)
    e = np.exp(z2 - z2.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)
