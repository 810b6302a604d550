# expect: pass
"""np.var with ddof=0 to normalise and ddof=1 for the running update; dx by the compact formula."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if not training:
        return gamma * (x - running_mean) / np.sqrt(running_var + eps) + beta, running_mean, running_var
    if x.shape[0] < 2:
        raise ValueError("training BatchNorm needs a batch of two or more")
    mu = np.mean(x, axis=0)
    out = gamma * (x - mu) / np.sqrt(np.var(x, axis=0) + eps) + beta
    new_mean = (1 - momentum) * running_mean + momentum * mu
    new_var = (1 - momentum) * running_var + momentum * np.var(x, axis=0, ddof=1)
    return out, new_mean, new_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    inv_std = 1.0 / np.sqrt(np.var(x, axis=0) + eps)
    xhat = (x - np.mean(x, axis=0)) * inv_std
    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * xhat, axis=0)
    dx = (1.0 / n) * gamma * inv_std * (n * dout - dbeta - xhat * dgamma)
    return dx, dgamma, dbeta
