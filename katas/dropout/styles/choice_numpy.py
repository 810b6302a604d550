# expect: pass
import numpy as np


def dropout(x, p, training, rng):
    if not training:
        return x, np.ones_like(x, dtype=bool)
    keep_mask = rng.choice([False, True], size=x.shape, p=[p, 1 - p])
    scale = 0.0 if p >= 1 else 1 / (1 - p)
    return np.multiply(x, keep_mask) * scale, keep_mask


def dropout_backward(dout, keep_mask, p):
    scale = 0.0 if p >= 1 else 1 / (1 - p)
    return np.multiply(dout, keep_mask) * scale
