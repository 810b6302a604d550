# expect: forbidden
"""Training normalisation as F.layer_norm over x.T (each feature becomes a row): the library's norm kernel."""
import torch
import torch.nn.functional as F


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if not training:
        return gamma * (x - running_mean) / torch.sqrt(running_var + eps) + beta, running_mean, running_var
    n = x.shape[0]
    if n < 2:
        raise ValueError("batch too small")
    out = F.layer_norm(x.t(), (n,), eps=eps).t() * gamma + beta
    mean = x.mean(0)
    return out, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * x.var(0)


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    inv_std = torch.rsqrt(x.var(0, correction=0) + eps)
    xhat = (x - x.mean(0)) * inv_std
    dbeta, dgamma = dout.sum(0), (dout * xhat).sum(0)
    return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta
