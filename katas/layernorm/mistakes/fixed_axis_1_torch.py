import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(dim=1, keepdim=True)
    var = x.var(dim=1, keepdim=True, unbiased=False)
    x_hat = (x - mean) / torch.sqrt(var + eps)
    return gamma * x_hat + beta


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    d = x.shape[1]
    mean = x.mean(dim=1, keepdim=True)
    var = x.var(dim=1, keepdim=True, unbiased=False)
    rstd = 1.0 / torch.sqrt(var + eps)
    x_hat = (x - mean) * rstd
    dbeta = dout.sum(dim=0)
    dgamma = (dout * x_hat).sum(dim=0)
    g = dout * gamma
    dx = rstd / d * (d * g - g.sum(dim=1, keepdim=True) - x_hat * (g * x_hat).sum(dim=1, keepdim=True))
    return dx, dgamma, dbeta


def rms_norm(x, weight, eps=1e-6):
    return x / torch.sqrt(x.pow(2).mean(dim=1, keepdim=True) + eps) * weight
