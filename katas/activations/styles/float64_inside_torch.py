# expect: pass
"""Computes everything in float64 and casts back to the input's dtype before returning."""

import math

import torch


def _in_float64(fn):
    def wrapped(x, *args, **kwargs):
        return fn(x.double(), *args, **kwargs).to(x.dtype)

    wrapped.__name__ = fn.__name__
    return wrapped


@_in_float64


def sigmoid(x):
    e = torch.exp(-x.abs())
    return torch.where(x < 0, e, torch.ones_like(x)) / (1 + e)


@_in_float64


def tanh(x):
    return torch.tanh(x)


@_in_float64


def relu(x):
    return x.clamp_min(0)


@_in_float64


def leaky_relu(x, negative_slope=0.01):
    return torch.where(x < 0, negative_slope * x, x)


@_in_float64


def elu(x, alpha=1.0):
    return torch.where(x <= 0, alpha * torch.expm1(x.clamp_max(0)), x)


@_in_float64


def gelu(x):
    return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


@_in_float64


def sigmoid_grad(x):
    e = torch.exp(-x.abs())
    return e / (1 + e) ** 2


@_in_float64


def tanh_grad(x):
    return 1 - torch.tanh(x) ** 2


@_in_float64


def relu_grad(x):
    return torch.where(x > 0, 1.0, 0.0)
