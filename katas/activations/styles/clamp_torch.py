# expect: pass
"""Textbook torch: sigmoid split by sign on exp(-|x|), torch.tanh, clamp for ReLU, expm1 on the clamped negative part."""

import math

import torch


def sigmoid(x):
    e = torch.exp(-torch.abs(x))
    return torch.where(x >= 0, 1 / (1 + e), e / (1 + e))


def tanh(x):
    return torch.tanh(x)


def relu(x):
    return torch.clamp(x, min=0)


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x >= 0, x, x * negative_slope)


def elu(x, alpha=1.0):
    return torch.where(x > 0, x, alpha * torch.expm1(torch.clamp(x, max=0)))


def gelu(x):
    return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * torch.pow(x, 3))))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1 - s)


def tanh_grad(x):
    return 1 - torch.tanh(x).square()


def relu_grad(x):
    return (x > 0).to(x.dtype)
