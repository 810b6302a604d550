import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, unbiased=False)
    rstd = torch.rsqrt(var + eps)
    x_hat = (x - mean) * rstd
    dbeta = dout.sum(dim=0)  # sums over the batch dim only
    dgamma = (dout * x_hat).sum(dim=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(dim=-1, keepdim=True) - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta
