# expect: fail
"""A textbook class transcribed: eps outside the root, momentum on the old value, and x.var(ddof=1) both to normalise and in the running average."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if training:
        mu = x.mean(0)
        sample_var = x.var(0, ddof=1)
        out = (x - mu) / (np.sqrt(sample_var) + eps) * gamma + beta
        return out, momentum * running_mean + (1.0 - momentum) * mu, \
            momentum * running_var + (1.0 - momentum) * sample_var
    out = gamma * (x - running_mean) / (np.sqrt(running_var) + eps) + beta
    return out, running_mean, running_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    xhat = (x - x.mean(axis=0)) * inv_std
    dbeta, dgamma = dout.sum(axis=0), (dout * xhat).sum(axis=0)
    return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta
