# expect: fail
# The mask as 0.0 / 1.0 floats: handy to multiply by, but keep_mask must be boolean.
import numpy as np


def dropout(x, p, training, rng):
    if not training:
        return x, np.ones_like(x)
    mask = (rng.random(x.shape) >= p).astype(x.dtype)
    return x * mask * (1 / (1 - p) if p < 1 else 0.0), mask


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask * (1 / (1 - p) if p < 1 else 0.0)
