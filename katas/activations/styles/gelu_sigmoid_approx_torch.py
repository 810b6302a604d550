# expect: fail
"""WRONG: GELU as x * sigmoid(1.702 x), another approximation, up to 0.02 from the tanh form asked for."""

import torch


def sigmoid(x):
    e = torch.exp(-x.abs())
    return torch.where(x >= 0, 1 / (1 + e), e / (1 + e))


def tanh(x):
    return torch.tanh(x)


def relu(x):
    return x.clamp_min(0)


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x >= 0, x, negative_slope * x)


def elu(x, alpha=1.0):
    return torch.where(x > 0, x, alpha * torch.expm1(x.clamp_max(0)))


def gelu(x):
    return x * sigmoid(1.702 * x)


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1 - s)


def tanh_grad(x):
    return 1 - torch.tanh(x) ** 2


def relu_grad(x):
    return (x > 0).to(x.dtype)
