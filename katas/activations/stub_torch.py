"""Activation functions and their derivatives in PyTorch. Replace each `raise` with your code.

Every function is elementwise: x is a float32 tensor of any shape (at least
1-D), on any device, and the result is a new tensor of x's shape, dtype and
device. Each must be right and finite for any finite x, x = 1000 and
x = -1000 included. Do not modify x.
torch.exp, torch.tanh, torch.expm1, torch.clamp and torch.where are fine.
Not allowed: torch.sigmoid, torch.relu, torch.special.expit, torch.softmax,
the activations of torch.nn.functional (sigmoid, relu, relu6, leaky_relu,
elu, celu, selu, gelu, silu, mish, hardtanh, threshold, softplus,
logsigmoid, prelu, rrelu, glu, softmax), the torch.nn modules built on them,
and autograd in the three *_grad functions.
"""

import torch


def sigmoid(x):
    """1 / (1 + exp(-x)), without overflowing exp at either end."""
    raise NotImplementedError


def tanh(x):
    """(e^x - e^-x) / (e^x + e^-x). torch.tanh is allowed."""
    raise NotImplementedError


def relu(x):
    """max(x, 0), entry by entry."""
    raise NotImplementedError


def leaky_relu(x, negative_slope=0.01):
    """x where x >= 0, negative_slope * x elsewhere; negative_slope is any float, 1.5 included."""
    raise NotImplementedError


def elu(x, alpha=1.0):
    """x where x > 0, alpha * (exp(x) - 1) elsewhere."""
    raise NotImplementedError


def gelu(x):
    """The tanh approximation: 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))), as F.gelu(x, approximate="tanh")."""
    raise NotImplementedError


def sigmoid_grad(x):
    """d sigmoid(x) / dx, as a function of the input x, without autograd."""
    raise NotImplementedError


def tanh_grad(x):
    """d tanh(x) / dx, as a function of the input x, without autograd."""
    raise NotImplementedError


def relu_grad(x):
    """d relu(x) / dx: 1 where x > 0, 0 elsewhere (0 at x = 0), in x's dtype, without autograd."""
    raise NotImplementedError
