# expect: pass
"""Hyperbolic identities: sigmoid(x) = (1 + tanh(x/2)) / 2, its derivative sech^2(x/2) / 4, tanh' = sech^2 = 1 / cosh^2."""

import math

import torch


def sigmoid(x):
    return 0.5 + 0.5 * torch.tanh(x / 2)


def tanh(x):
    return x.tanh()


def relu(x):
    return x * (x > 0)


def leaky_relu(x, negative_slope=0.01):
    return x * torch.where(x >= 0, 1.0, negative_slope)


def elu(x, alpha=1.0):
    return x.clamp(min=0) + alpha * x.clamp(max=0).expm1()


def gelu(x):
    inner = math.sqrt(2 / math.pi) * x * (1 + 0.044715 * x * x)
    return x * (1 + inner.tanh()) / 2


def sigmoid_grad(x):
    return 0.25 / torch.cosh(x / 2) ** 2


def tanh_grad(x):
    return torch.cosh(x).pow(-2)


def relu_grad(x):
    return torch.sign(x).clamp(min=0)
