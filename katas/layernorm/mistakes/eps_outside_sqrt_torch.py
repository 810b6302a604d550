import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    std = x.std(dim=-1, keepdim=True, unbiased=False)
    return gamma * (x - mean) / (std + eps) + beta


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    std = x.std(dim=-1, keepdim=True, unbiased=False)
    rstd = 1.0 / (std + eps)
    x_hat = (x - mean) * rstd
    d = x.shape[-1]
    dbeta = dout.reshape(-1, d).sum(dim=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(dim=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(dim=-1, keepdim=True) - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta


def rms_norm(x, weight, eps=1e-6):
    rms = x.pow(2).mean(dim=-1, keepdim=True).sqrt()
    return x / (rms + eps) * weight
