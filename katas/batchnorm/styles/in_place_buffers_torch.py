# expect: fail as input-modified
"""Right values, but the running statistics are updated in place (mul_, add_) like a module's buffers."""
import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if not training:
        return gamma * (x - running_mean) / torch.sqrt(running_var + eps) + beta, running_mean, running_var
    n = x.shape[0]
    if n < 2:
        raise ValueError("batch too small")
    mean, var = x.mean(0), x.var(0, correction=0)
    out = gamma * (x - mean) / torch.sqrt(var + eps) + beta
    running_mean.mul_(1 - momentum).add_(momentum * mean)
    running_var.mul_(1 - momentum).add_(momentum * var * n / (n - 1))
    return out, running_mean, running_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    inv_std = torch.rsqrt(x.var(0, correction=0) + eps)
    xhat = (x - x.mean(0)) * inv_std
    dbeta, dgamma = dout.sum(0), (dout * xhat).sum(0)
    return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta
