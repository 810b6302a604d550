# expect: pass
"""One feature at a time in a Python loop, every statistic by a plain loop over the samples."""
import math

import numpy as np


def _column(values, eps):
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / n
    return mean, var, 1.0 / math.sqrt(var + eps)


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    n, d = x.shape
    if training and n == 1:
        raise ValueError("need at least two samples per feature to train")
    out = np.empty_like(x)
    new_mean, new_var = running_mean.copy(), running_var.copy()
    for j in range(d):
        if training:
            mean, var, inv_std = _column(list(x[:, j]), eps)
            new_mean[j] = (1 - momentum) * running_mean[j] + momentum * mean
            new_var[j] = (1 - momentum) * running_var[j] + momentum * var * n / (n - 1)
        else:
            mean, inv_std = running_mean[j], 1.0 / math.sqrt(running_var[j] + eps)
        for i in range(n):
            out[i, j] = gamma[j] * (x[i, j] - mean) * inv_std + beta[j]
    return out, new_mean, new_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n, d = x.shape
    dx, dgamma, dbeta = np.empty_like(x), np.empty(d), np.empty(d)
    for j in range(d):
        mean, _, inv_std = _column(list(x[:, j]), eps)
        xhat = [(x[i, j] - mean) * inv_std for i in range(n)]
        dbeta[j] = sum(dout[:, j])
        dgamma[j] = sum(dout[i, j] * xhat[i] for i in range(n))
        for i in range(n):
            dx[i, j] = gamma[j] * inv_std / n * (n * dout[i, j] - dbeta[j] - xhat[i] * dgamma[j])
    return dx, dgamma, dbeta
