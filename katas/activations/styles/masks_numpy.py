# expect: pass
"""Boolean masks and assignment into a fresh output, each formula only where it is safe."""

import numpy as np


def sigmoid(x):
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def tanh(x):
    e = np.exp(-2.0 * np.abs(x))
    return np.sign(x) * (1.0 - e) / (1.0 + e)


def relu(x):
    out = x.copy()
    out[out < 0] = 0.0
    return out


def leaky_relu(x, negative_slope=0.01):
    out = x.copy()
    neg = out < 0
    out[neg] *= negative_slope
    return out


def elu(x, alpha=1.0):
    out = x.copy()
    neg = x <= 0
    out[neg] = alpha * (np.exp(x[neg]) - 1.0)
    return out


def gelu(x):
    k = np.sqrt(2.0 / np.pi)
    return 0.5 * x * (1.0 + tanh(k * (x + 0.044715 * x**3)))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s - s * s


def tanh_grad(x):
    return 1.0 - tanh(x) ** 2


def relu_grad(x):
    out = np.zeros_like(x)
    out[x > 0] = 1.0
    return out
