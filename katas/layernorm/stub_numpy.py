"""LayerNorm and RMSNorm in NumPy. Replace each `raise` with your code."""

import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    """Normalise each vector along the last axis, then scale and shift it.

    x: (..., D) float64 array, any number of leading axes.
    gamma, beta: (D,) arrays.
    Per vector: mean and biased variance (divide by D) over the last axis,
    x_hat = (x - mean) / sqrt(var + eps), out = gamma * x_hat + beta.
    Returns out, an array of the same shape as x.
    """
    raise NotImplementedError


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    """Gradients of sum(layer_norm(x, gamma, beta, eps) * dout).

    dout, x: (..., D) arrays of the same shape; gamma: (D,).
    Returns (dx, dgamma, dbeta): dx has the shape of x, dgamma and dbeta are
    (D,), summed over every leading axis. beta does not affect any gradient,
    so it is not an argument.
    """
    raise NotImplementedError


def rms_norm(x, weight, eps=1e-6):
    """x / sqrt(mean(x**2 over the last axis) + eps) * weight.

    x: (..., D) array; weight: (D,). No mean is subtracted and there is no
    shift. Returns an array of the same shape as x.
    """
    raise NotImplementedError
