# expect: pass
"""Formulas that look naive but are right in float32 IEEE arithmetic: 1 / (1 + exp(-x)) (1 / inf = 0), ELU via
torch.where on exp(x) - 1, ReLU as an elementwise torch.max against a zero tensor, and (x > 0).float()."""

import math

import torch


def sigmoid(x):
    return 1.0 / (1.0 + torch.exp(-x))


def tanh(x):
    return torch.tanh(x)


def relu(x):
    return torch.max(x, torch.tensor(0.0, device=x.device))


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x >= 0, x, negative_slope * x)


def elu(x, alpha=1.0):
    return torch.where(x > 0, x, alpha * (torch.exp(x) - 1))


def gelu(x):
    c = math.sqrt(2.0 / math.pi)
    return 0.5 * x * (1.0 + torch.tanh(c * (x + 0.044715 * x**3)))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh_grad(x):
    return 4.0 / (torch.exp(x) + torch.exp(-x)) ** 2


def relu_grad(x):
    return (x > 0).float()
