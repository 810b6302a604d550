# expect: pass
"""Computes in float64 (x.double()) and casts every output back to the input's dtype."""
import torch


def _bn_train(x, eps):
    mean = x.mean(dim=0, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=0, keepdim=True)
    return (x - mean) / (var + eps).sqrt(), mean.squeeze(0), var.squeeze(0)


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    dtype = x.dtype
    xd, g, b, rm, rv = (t.double() for t in (x, gamma, beta, running_mean, running_var))
    if not training:
        out = g * (xd - rm) / (rv + eps).sqrt() + b
        return out.to(dtype), running_mean.clone(), running_var.clone()
    n = x.shape[0]
    if n < 2:
        raise ValueError("need N > 1 in training")
    xhat, mean, var = _bn_train(xd, eps)
    rm = (1 - momentum) * rm + momentum * mean
    rv = (1 - momentum) * rv + momentum * var * n / (n - 1)
    return (g * xhat + b).to(dtype), rm.to(dtype), rv.to(dtype)


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    dtype, n = x.dtype, x.shape[0]
    xd, dd, g = x.double(), dout.double(), gamma.double()
    xhat, _, var = _bn_train(xd, eps)
    dbeta = dd.sum(0)
    dgamma = (dd * xhat).sum(0)
    dx = g / (var + eps).sqrt() / n * (n * dd - dbeta - xhat * dgamma)
    return dx.to(dtype), dgamma.to(dtype), dbeta.to(dtype)
