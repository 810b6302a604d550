# expect: fail
"""WRONG: tanh as (1 - e^-2x) / (1 + e^-2x): fine for large positive x, inf / inf = NaN at x = -1000."""

import numpy as np


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(x):
    e = np.exp(-2.0 * x)
    return (1.0 - e) / (1.0 + e)


def relu(x):
    return np.maximum(x, 0.0)


def leaky_relu(x, negative_slope=0.01):
    return np.where(x >= 0, x, negative_slope * x)


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x**3)))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh_grad(x):
    return 1.0 - tanh(x) ** 2


def relu_grad(x):
    return (x > 0).astype(x.dtype)
