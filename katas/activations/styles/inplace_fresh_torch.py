# expect: pass
"""In-place operations (exp_, masked_fill_, mul_) on fresh tensors, never on x itself."""

import math

import torch


def sigmoid(x):
    e = x.abs().neg_().exp_()
    out = (1 + e).reciprocal_()
    return torch.where(x >= 0, out, e.mul_(out))


def tanh(x):
    return torch.tanh(x)


def relu(x):
    return x.clone().masked_fill_(x < 0, 0.0)


def leaky_relu(x, negative_slope=0.01):
    out = x.clone()
    neg = x < 0
    out[neg] = out[neg] * negative_slope
    return out


def elu(x, alpha=1.0):
    out = x.clone()
    neg = x <= 0
    out[neg] = torch.expm1(x[neg]).mul_(alpha)
    return out


def gelu(x):
    u = x.pow(3).mul_(0.044715).add_(x).mul_(math.sqrt(2 / math.pi))
    return u.tanh_().add_(1).mul_(x).mul_(0.5)


def sigmoid_grad(x):
    s = sigmoid(x)
    return s.sub(s * s)


def tanh_grad(x):
    return torch.tanh(x).square_().neg_().add_(1)


def relu_grad(x):
    return torch.zeros_like(x).masked_fill_(x > 0, 1.0)
