"""Reference: softmax and log-softmax in NumPy."""

import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = x / temperature
    # Shifting a slice by a constant leaves its softmax unchanged; shifting by
    # the maximum makes every exponent <= 0 (no overflow) and the largest term
    # exactly 1 (the sum cannot underflow to 0).
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    e /= e.sum(axis=axis, keepdims=True)
    return e


def log_softmax(x, axis=-1):
    # Stay in the log domain: z - log(sum(exp(z))) never takes the log of an
    # underflowed probability, and the sum is at least 1.
    z = x - x.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
