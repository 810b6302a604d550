# expect: pass
import numpy as np


def dropout(x, p, training, rng):
    if not training:
        return x.copy(), np.full(x.shape, True)
    keep = rng.binomial(1, 1.0 - p, size=x.shape).astype(bool)
    if p == 1:
        return np.zeros_like(x), keep
    return np.where(keep, x / (1.0 - p), 0.0), keep


def dropout_backward(dout, keep_mask, p):
    if p == 1:
        return np.zeros_like(dout)
    return np.where(keep_mask, dout / (1.0 - p), 0.0)
