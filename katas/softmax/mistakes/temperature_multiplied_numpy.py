import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = x * temperature
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)
