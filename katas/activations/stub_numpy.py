"""Activation functions and their derivatives in NumPy. Replace each `raise` with your code.

Every function is elementwise: x is a float64 array of any shape (at least
1-D) and the result is a new float64 array of the same shape. Each must be
right, finite and silent (no overflow or invalid-value warning) for any
finite x, x = 1000 and x = -1000 included. Do not modify x.
np.exp, np.tanh, np.expm1, np.maximum and np.where are fine;
scipy.special.expit is not allowed.
"""

import numpy as np


def sigmoid(x):
    """1 / (1 + exp(-x)), without overflowing exp at either end."""
    raise NotImplementedError


def tanh(x):
    """(e^x - e^-x) / (e^x + e^-x). np.tanh is allowed."""
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
    """The tanh approximation: 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))."""
    raise NotImplementedError


def sigmoid_grad(x):
    """d sigmoid(x) / dx, as a function of the input x."""
    raise NotImplementedError


def tanh_grad(x):
    """d tanh(x) / dx, as a function of the input x."""
    raise NotImplementedError


def relu_grad(x):
    """d relu(x) / dx: 1.0 where x > 0, 0.0 elsewhere (0.0 at x = 0), as float64."""
    raise NotImplementedError
