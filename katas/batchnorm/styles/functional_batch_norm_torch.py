# expect: forbidden
"""The forward through F.batch_norm on copies of the running statistics."""
import torch
import torch.nn.functional as F


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    rm, rv = running_mean.clone(), running_var.clone()
    return F.batch_norm(x, rm, rv, gamma, beta, training, momentum, eps), rm, rv


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    inv_std = torch.rsqrt(x.var(0, correction=0) + eps)
    xhat = (x - x.mean(0)) * inv_std
    dbeta, dgamma = dout.sum(0), (dout * xhat).sum(0)
    return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta
