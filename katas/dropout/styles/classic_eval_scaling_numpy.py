# expect: fail
# Inverted scaling in training and the classic (1 - p) scaling at test time as well.
import numpy as np


def dropout(x, p, training, rng):
    if not training:
        return x * (1 - p), np.ones(x.shape, dtype=bool)
    keep = rng.random(x.shape) >= p
    return x * keep * (1 / (1 - p) if p < 1 else 0.0), keep


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask * (1 / (1 - p) if p < 1 else 0.0)
