# expect: fail
# Drops the fraction p of entries with the smallest |x| (ties broken at random): the
# right keep rate, but the mask depends on the values and hardly on the seed.
import numpy as np


def dropout(x, p, training, rng):
    if not training:
        return x, np.ones(x.shape, dtype=bool)
    noise = rng.random(x.shape) * 1e-12
    n_drop = int(round(p * x.size))
    order = np.argsort(np.abs(x) + noise, axis=None)
    keep = np.ones(x.size, dtype=bool)
    keep[order[:n_drop]] = False
    keep = keep.reshape(x.shape)
    return x * keep * (1 / (1 - p) if p < 1 else 0.0), keep


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask * (1 / (1 - p) if p < 1 else 0.0)
