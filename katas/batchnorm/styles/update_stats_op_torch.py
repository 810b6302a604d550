# expect: forbidden
"""Normalisation by hand, but the running statistics from torch.batch_norm_update_stats."""
import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if not training:
        return gamma * (x - running_mean) / torch.sqrt(running_var + eps) + beta, running_mean, running_var
    if x.shape[0] < 2:
        raise ValueError("batch too small")
    rm, rv = running_mean.clone(), running_var.clone()
    torch.batch_norm_update_stats(x, rm, rv, momentum)
    out = gamma * (x - x.mean(0)) / torch.sqrt(x.var(0, correction=0) + eps) + beta
    return out, rm, rv


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    inv_std = torch.rsqrt(x.var(0, correction=0) + eps)
    xhat = (x - x.mean(0)) * inv_std
    dbeta, dgamma = dout.sum(0), (dout * xhat).sum(0)
    return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta
