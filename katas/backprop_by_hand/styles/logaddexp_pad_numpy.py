# expect: pass
"""log a2 = -logaddexp(0, -z2) (no overflow); the gradient from a cache of the forward values; np.pad for the 1."""

import numpy as np


def _cache(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = max(z1, 0.0)
    z2 = w2 * a1 + b
    a2 = float(np.exp(-np.logaddexp(0.0, -z2)))
    return {"x": x, "z1": z1, "a1": a1, "a2": a2, "w2": w2, "y": y}


def forward(x, y, w1, w2, b):
    c = _cache(x, y, w1, w2, b)
    return (c["y"] - c["a2"]) ** 2 / 2


def gradients(x, y, w1, w2, b):
    c = _cache(x, y, w1, w2, b)
    g = {}
    g["b"] = (c["a2"] - c["y"]) * c["a2"] * (1 - c["a2"])
    g["w2"] = g["b"] * c["a1"]
    g["w1"] = g["b"] * c["w2"] * (c["z1"] > 0) * c["x"]
    return {k: float(v) for k, v in g.items()}


def _ones_column(a):
    return np.pad(a, [(0, 0)] * (a.ndim - 1) + [(0, 1)], constant_values=1.0)


def forward_with_bias(x, W, V):
    a1 = np.clip(_ones_column(x) @ W.T, 0, None)
    z2 = np.clip(_ones_column(a1) @ V.T, 0, None)
    z2 = z2 - z2.max(axis=-1, keepdims=True)
    p = np.exp(z2)
    return p / p.sum(axis=-1, keepdims=True)
