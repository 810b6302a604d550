# expect: fail
# A generator of its own, seeded once: reproducible, but every seed passed in gives
# the same mask.
import numpy as np


def dropout(x, p, training, rng):
    if not training:
        return x, np.ones(x.shape, dtype=bool)
    keep = np.random.default_rng(0).random(x.shape) >= p
    return x * keep * (1 / (1 - p) if p < 1 else 0.0), keep


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask * (1 / (1 - p) if p < 1 else 0.0)
