# expect: pass
import numpy as np


def _scaled(values, keep, p):
    # divide only where kept, so p = 1 never evaluates 0 / 0
    return np.divide(values, 1 - p, out=np.zeros_like(values), where=keep & (p < 1))


def dropout(x, p, training, rng):
    if training:
        keep = rng.uniform(0.0, 1.0, size=x.shape) < 1 - p
        return _scaled(x, keep, p), keep
    return x, np.ones(x.shape, bool)


def dropout_backward(dout, keep_mask, p):
    return _scaled(dout, keep_mask, p)
