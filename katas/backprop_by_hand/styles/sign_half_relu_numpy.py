# expect: fail
"""WRONG: relu'(z) written as (sign(z) + 1) / 2, which is 1/2 at z = 0 instead of 0."""

import math

import numpy as np


def _sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def forward(x, y, w1, w2, b):
    return 0.5 * (y - _sigmoid(w2 * max(w1 * x, 0.0) + b)) ** 2


def gradients(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = max(z1, 0.0)
    a2 = _sigmoid(w2 * a1 + b)
    d2 = (a2 - y) * a2 * (1 - a2)
    d1 = d2 * w2 * (np.sign(z1) + 1) / 2
    return {"w1": float(d1 * x), "w2": d2 * a1, "b": d2}


def forward_with_bias(x, W, V):
    ones = np.ones(x.shape[:-1] + (1,))
    a1 = np.maximum(np.concatenate([x, ones], -1) @ W.T, 0)
    z2 = np.maximum(np.concatenate([a1, ones], -1) @ V.T, 0)
    e = np.exp(z2 - z2.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)
