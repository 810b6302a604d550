# expect: pass
"""Reductions by np.einsum with a ones vector; variance in one pass as E[x^2] - E[x]^2 (float64)."""
import numpy as np


def _stats(x):
    n = x.shape[0]
    ones = np.ones(n)
    mean = np.einsum("n,nd->d", ones, x) / n
    var = np.maximum(np.einsum("nd,nd->d", x, x) / n - mean * mean, 0.0)
    return mean, var


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    n = x.shape[0]
    if training and n < 2:
        raise ValueError("expected more than 1 value per channel when training")
    mean, var = _stats(x) if training else (running_mean, running_var)
    scale = gamma / np.sqrt(var + eps)
    out = x * scale + (beta - mean * scale)  # folded into one multiply-add per entry
    if not training:
        return out, running_mean.copy(), running_var.copy()
    m = momentum
    return out, (1 - m) * running_mean + m * mean, (1 - m) * running_var + m * var * (n / (n - 1))


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    mean, var = _stats(x)
    inv_std = (var + eps) ** -0.5
    xhat = (x - mean) * inv_std
    dbeta = np.einsum("nd->d", dout)
    dgamma = np.einsum("nd,nd->d", dout, xhat)
    dx = gamma * inv_std * (dout - dbeta / n - xhat * dgamma / n)
    return dx, dgamma, dbeta
