import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = x / temperature
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def log_softmax(x, axis=-1):
    z = x - np.max(x)
    return z - np.log(np.sum(np.exp(z)))
