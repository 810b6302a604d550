# expect: fail
"""A textbook class transcribed: torch.var (unbiased) to normalise, sqrt(var) + eps, momentum on the old value."""
import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if training:
        mean = torch.mean(x, dim=0)
        var = torch.var(x, dim=0)
        out = gamma * (x - mean) / (torch.sqrt(var) + eps) + beta
        return (out, momentum * running_mean + (1.0 - momentum) * mean,
                momentum * running_var + (1.0 - momentum) * var)
    out = gamma * (x - running_mean) / (torch.sqrt(running_var) + eps) + beta
    return out, running_mean, running_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    inv_std = torch.rsqrt(x.var(0, correction=0) + eps)
    xhat = (x - x.mean(0)) * inv_std
    dbeta, dgamma = dout.sum(0), (dout * xhat).sum(0)
    return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta
