# expect: pass
"""sigmoid = exp(-logaddexp(0, -x)); tanh(x) = 2 sigmoid(2x) - 1; ReLU as torch.maximum with zeros; heaviside for the mask."""

import math

import torch


def sigmoid(x):
    return torch.exp(-torch.logaddexp(torch.zeros_like(x), -x))


def tanh(x):
    return 2 * sigmoid(2 * x) - 1


def relu(x):
    return torch.maximum(x, torch.zeros_like(x))


def leaky_relu(x, negative_slope=0.01):
    zero = torch.zeros_like(x)
    return torch.maximum(x, zero) + negative_slope * torch.minimum(x, zero)


def elu(x, alpha=1.0):
    zero = torch.zeros_like(x)
    return torch.maximum(x, zero) + alpha * torch.expm1(torch.minimum(x, zero))


def gelu(x):
    u = math.sqrt(2 / math.pi) * (x + 0.044715 * x * x * x)
    return x * sigmoid(2 * u)


def sigmoid_grad(x):
    return sigmoid(x) * sigmoid(-x)


def tanh_grad(x):
    t = tanh(x)
    return (1 - t) * (1 + t)


def relu_grad(x):
    return torch.heaviside(x, torch.zeros_like(x))
