import numpy as np


def log_softmax(x, axis=-1):
    z = x - x.max(axis=axis, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=axis, keepdims=True)
    return np.log(p)
