# expect: pass
"""Scalar formulas from the math module, applied entry by entry over x.flat; the sign picks the stable branch."""

import math

import numpy as np


def _each(x, one):
    out = np.empty_like(x)
    for i, v in enumerate(x.flat):
        out.flat[i] = one(float(v))
    return out


def _sigmoid(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid(x):
    return _each(x, _sigmoid)


def tanh(x):
    return _each(x, math.tanh)


def relu(x):
    return _each(x, lambda v: v if v > 0 else 0.0)


def leaky_relu(x, negative_slope=0.01):
    return _each(x, lambda v: v if v >= 0 else negative_slope * v)


def elu(x, alpha=1.0):
    return _each(x, lambda v: v if v > 0 else alpha * math.expm1(v))


def gelu(x):
    c = math.sqrt(2.0 / math.pi)
    return _each(x, lambda v: 0.5 * v * (1.0 + math.tanh(c * (v + 0.044715 * v**3))))


def sigmoid_grad(x):
    def one(v):
        s = _sigmoid(v)
        return s * (1.0 - s)

    return _each(x, one)


def tanh_grad(x):
    return _each(x, lambda v: 1.0 - math.tanh(v) ** 2)


def relu_grad(x):
    return _each(x, lambda v: 1.0 if v > 0 else 0.0)
