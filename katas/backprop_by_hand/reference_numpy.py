"""Reference: a two-weight scalar network's forward and backward pass by hand, and a biased two-layer net, in NumPy."""

import math

import numpy as np


def _sigmoid(z):
    # exp only ever sees a non-positive argument, so no |z| overflows it.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _scalars(*values):
    # float() also takes 0-d or one-element arrays, so callers may pass either.
    return tuple(float(v) for v in values)


def forward(x, y, w1, w2, b):
    x, y, w1, w2, b = _scalars(x, y, w1, w2, b)
    a1 = max(w1 * x, 0.0)
    a2 = _sigmoid(w2 * a1 + b)
    return 0.5 * (y - a2) ** 2


def gradients(x, y, w1, w2, b):
    x, y, w1, w2, b = _scalars(x, y, w1, w2, b)
    z1 = w1 * x
    a1 = max(z1, 0.0)
    a2 = _sigmoid(w2 * a1 + b)
    dz2 = (a2 - y) * a2 * (1.0 - a2)
    # relu'(0) = 0, the value autograd uses: a unit exactly at 0 passes nothing back.
    dz1 = dz2 * w2 * (1.0 if z1 > 0 else 0.0)
    return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


def _with_bias_unit(a):
    # Along the last axis only: np.append(a, 1) would flatten a batch into one long vector.
    return np.concatenate([a, np.ones(a.shape[:-1] + (1,))], axis=-1)


def forward_with_bias(x, W, V):
    a1 = np.maximum(_with_bias_unit(x) @ W.T, 0.0)
    z2 = np.maximum(_with_bias_unit(a1) @ V.T, 0.0)
    e = np.exp(z2 - z2.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
