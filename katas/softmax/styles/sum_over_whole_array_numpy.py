# expect: fail like normalised-over-whole-array
"""WRONG: the maximum is per slice, but the sum runs over the whole array: the whole array sums to 1."""

import numpy as np
def softmax(x, axis=-1, temperature=1.0):
    z = x / temperature
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum()
def log_softmax(x, axis=-1):
    z = x - x.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum())
