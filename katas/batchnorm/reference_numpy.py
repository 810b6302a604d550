"""Reference: BatchNorm forward (training and eval) and backward, in NumPy."""

import numpy as np


def _batch_stats(x, eps):
    """x-hat, 1 / sqrt(var + eps) and the biased variance, per feature over the batch (axis 0)."""
    centred = x - x.mean(axis=0)
    var = np.mean(centred * centred, axis=0)
    inv_std = 1.0 / np.sqrt(var + eps)
    return centred * inv_std, inv_std, var


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if not training:
        out = (x - running_mean) / np.sqrt(running_var + eps) * gamma + beta
        return out, running_mean.copy(), running_var.copy()
    n = x.shape[0]
    if n < 2:
        # The unbiased variance of one sample is 0/0; nn.BatchNorm1d refuses it the same way.
        raise ValueError(f"expected more than 1 sample per feature in training, got a batch of {n}")
    xhat, _, var = _batch_stats(x, eps)
    out = xhat * gamma + beta
    new_mean = (1.0 - momentum) * running_mean + momentum * x.mean(axis=0)
    new_var = (1.0 - momentum) * running_var + momentum * var * (n / (n - 1))
    return out, new_mean, new_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    xhat, inv_std, _ = _batch_stats(x, eps)
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    # Every sample moves its feature's mean and variance: the two sums are those paths.
    dx = gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma)
    return dx, dgamma, dbeta
