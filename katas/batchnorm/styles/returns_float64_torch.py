# expect: fail as dtype-hard-coded
"""Computes in float64 and forgets to cast back: right values, wrong dtype."""
import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    x, gamma, beta, running_mean, running_var = (t.double() for t in (x, gamma, beta, running_mean, running_var))
    if not training:
        return gamma * (x - running_mean) / torch.sqrt(running_var + eps) + beta, running_mean, running_var
    n = x.shape[0]
    if n < 2:
        raise ValueError("batch too small")
    mean, var = x.mean(0), x.var(0, correction=0)
    out = gamma * (x - mean) / torch.sqrt(var + eps) + beta
    return out, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * var * n / (n - 1)


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    dout, x, gamma = dout.double(), x.double(), gamma.double()
    n = x.shape[0]
    inv_std = torch.rsqrt(x.var(0, correction=0) + eps)
    xhat = (x - x.mean(0)) * inv_std
    dbeta, dgamma = dout.sum(0), (dout * xhat).sum(0)
    return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta
