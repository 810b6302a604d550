# expect: pass
import numpy as np


def dropout(x, p, training, rng):
    out = np.zeros_like(x)
    keep = np.ones(x.shape, dtype=bool)
    flat_x, flat_out, flat_keep = x.reshape(-1), out.reshape(-1), keep.reshape(-1)
    for i in range(flat_x.size):
        if not training:
            flat_out[i] = flat_x[i]
        elif rng.random() < p:
            flat_keep[i] = False
        else:
            flat_out[i] = flat_x[i] / (1 - p)
    return out, keep


def dropout_backward(dout, keep_mask, p):
    dx = np.zeros_like(dout)
    for index in np.ndindex(dout.shape):
        if keep_mask[index]:
            dx[index] = dout[index] / (1 - p)
    return dx
