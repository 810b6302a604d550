# expect: pass
"""Reductions by torch.einsum; one-pass variance E[x^2] - E[x]^2 in float32, clamped at 0; torch.addcmul for the update."""
import torch


def _stats(x):
    n = x.shape[0]
    mean = torch.einsum("nd->d", x) / n
    var = (torch.einsum("nd,nd->d", x, x) / n - mean * mean).clamp_min(0)
    return mean, var


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    n = x.shape[0]
    if not training:
        mean, var = running_mean, running_var
    elif n > 1:
        mean, var = _stats(x)
    else:
        raise ValueError("one sample per feature: no variance to train with")
    scale = gamma / torch.sqrt(var + eps)
    out = torch.addcmul(beta - mean * scale, x, scale)
    if not training:
        return out, running_mean.clone(), running_var.clone()
    new_mean = (1 - momentum) * running_mean + momentum * mean
    new_var = (1 - momentum) * running_var + momentum * n / (n - 1) * var
    return out, new_mean, new_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    mean, var = _stats(x)
    inv_std = 1 / torch.sqrt(var + eps)
    xhat = (x - mean) * inv_std
    dbeta = torch.einsum("nd->d", dout)
    dgamma = torch.einsum("nd,nd->d", dout, xhat)
    return gamma * inv_std * (dout - (dbeta + xhat * dgamma) / n), dgamma, dbeta
