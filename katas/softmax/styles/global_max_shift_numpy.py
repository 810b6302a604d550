# expect: fail as max-over-whole-array
"""WRONG: shifts by the max of the whole array, sums per slice: a slice far below the global max underflows to 0/0."""

import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = x / temperature
    e = np.exp(z - z.max())
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    z = x - x.max()
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
