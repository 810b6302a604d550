# expect: pass
"""sigmoid = exp(-log(1 + e^-x)) through np.logaddexp; tanh(x) = 2 sigmoid(2x) - 1; ReLU parts by clip."""

import numpy as np


def sigmoid(x):
    return np.exp(-np.logaddexp(0.0, -x))


def tanh(x):
    return 2.0 * sigmoid(2.0 * x) - 1.0


def relu(x):
    return np.clip(x, 0.0, None)


def leaky_relu(x, negative_slope=0.01):
    return np.clip(x, 0.0, None) + negative_slope * np.clip(x, None, 0.0)


def elu(x, alpha=1.0):
    return np.clip(x, 0.0, None) + alpha * np.expm1(np.clip(x, None, 0.0))


def gelu(x):
    u = np.sqrt(2.0 / np.pi) * (x + 0.044715 * x * x * x)
    return x * sigmoid(2.0 * u)  # 0.5 (1 + tanh(u)) = sigmoid(2u)


def sigmoid_grad(x):
    return sigmoid(x) * sigmoid(-x)


def tanh_grad(x):
    t = tanh(x)
    return (1.0 - t) * (1.0 + t)


def relu_grad(x):
    return np.greater(x, 0).astype(np.float64)
