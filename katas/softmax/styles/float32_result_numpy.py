# expect: fail as dtype-hard-coded
"""WRONG: computes in float32 and returns float32; the NumPy track returns float64."""

import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = (x / temperature).astype(np.float32)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    z = x.astype(np.float32)
    z = z - z.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
