# expect: forbidden
"""FORBIDDEN: sigmoid_grad by differentiating its own sigmoid with torch.autograd.grad."""

import math

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
    return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


def sigmoid_grad(x):
    leaf = x.detach().requires_grad_()
    (grad,) = torch.autograd.grad(sigmoid(leaf).sum(), leaf)
    return grad


def tanh_grad(x):
    return 1 - torch.tanh(x) ** 2


def relu_grad(x):
    return (x > 0).to(x.dtype)
