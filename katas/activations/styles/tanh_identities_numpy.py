# expect: pass
"""Everything from np.tanh: sigmoid(x) = (1 + tanh(x / 2)) / 2, its derivative sech^2(x / 2) / 4 as (1 - t^2) / 4."""

import numpy as np


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


tanh = np.tanh


def relu(x):
    return x * (x > 0)


def leaky_relu(x, negative_slope=0.01):
    return np.where(x >= 0, x, negative_slope * x)


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def gelu(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * np.power(x, 3))))


def sigmoid_grad(x):
    t = np.tanh(0.5 * x)
    return 0.25 * (1.0 - t * t)


def tanh_grad(x):
    return 1.0 - np.tanh(x) ** 2


def relu_grad(x):
    return np.heaviside(x, 0.0)
