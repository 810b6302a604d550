# expect: fail
"""Right everywhere except a training batch of one, where ddof=1 divides by zero instead of raising ValueError."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if not training:
        return gamma * (x - running_mean) / np.sqrt(running_var + eps) + beta, running_mean, running_var
    mean = x.mean(axis=0)
    out = gamma * (x - mean) / np.sqrt(x.var(axis=0) + eps) + beta
    unbiased = x.var(axis=0, ddof=1)
    return out, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * unbiased


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    xhat = (x - x.mean(axis=0)) * inv_std
    dbeta, dgamma = dout.sum(axis=0), (dout * xhat).sum(axis=0)
    return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta
