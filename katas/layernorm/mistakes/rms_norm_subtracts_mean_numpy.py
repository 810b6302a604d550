import numpy as np


def rms_norm(x, weight, eps=1e-6):
    centred = x - x.mean(axis=-1, keepdims=True)
    rms = np.sqrt(np.mean(centred ** 2, axis=-1, keepdims=True) + eps)
    return centred / rms * weight
