# expect: pass
"""Every local derivative named, math.exp with a branch on the sign; the bias net row by row, neuron by neuron, in Python loops."""

import math

import numpy as np


def _sigmoid(z):
    if z < 0:
        return math.exp(z) / (1 + math.exp(z))
    return 1 / (1 + math.exp(-z))


def forward(x, y, w1, w2, b):
    a1 = max(0.0, w1 * x)
    a2 = _sigmoid(w2 * a1 + b)
    return 0.5 * (y - a2) * (y - a2)


def gradients(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = max(0.0, z1)
    a2 = _sigmoid(w2 * a1 + b)
    dloss_da2 = a2 - y
    da2_dz2 = a2 * (1 - a2)
    dloss_dz2 = dloss_da2 * da2_dz2
    dloss_da1 = dloss_dz2 * w2
    da1_dz1 = 1.0 if z1 > 0 else 0.0
    dloss_dz1 = dloss_da1 * da1_dz1
    return {"w1": dloss_dz1 * x, "w2": dloss_dz2 * a1, "b": dloss_dz2}


def _softmax_list(z):
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


def _one(x, W, V):
    hidden = [max(float(row[:-1] @ x) + row[-1], 0.0) for row in W]
    hidden.append(1.0)
    logits = [max(sum(v * h for v, h in zip(row, hidden)), 0.0) for row in V]
    return _softmax_list(logits)


def forward_with_bias(x, W, V):
    rows = x.reshape(-1, x.shape[-1])
    out = np.array([_one(r, W, V) for r in rows])
    return out.reshape(x.shape[:-1] + (V.shape[0],))
