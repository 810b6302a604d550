# expect: pass
"""torch.var_mean(correction=0) and torch.rsqrt; x.var() (unbiased) for the running update; compact dx."""
import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if not training:
        out = (x - running_mean) * torch.rsqrt(running_var + eps) * gamma + beta
        return out, running_mean.clone(), running_var.clone()
    if x.size(0) == 1:
        raise ValueError("Expected more than 1 value per channel when training")
    var, mean = torch.var_mean(x, dim=0, correction=0)
    out = (x - mean) * torch.rsqrt(var + eps) * gamma + beta
    new_mean = torch.lerp(running_mean, mean, momentum)
    new_var = torch.lerp(running_var, x.var(dim=0), momentum)
    return out, new_mean, new_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.size(0)
    var, mean = torch.var_mean(x, dim=0, correction=0)
    inv_std = torch.rsqrt(var + eps)
    xhat = (x - mean) * inv_std
    dbeta = dout.sum(0)
    dgamma = (dout * xhat).sum(0)
    dx = (gamma * inv_std / n) * (n * dout - dbeta - xhat * dgamma)
    return dx, dgamma, dbeta
