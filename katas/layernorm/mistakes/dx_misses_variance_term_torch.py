import torch


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, unbiased=False)
    rstd = torch.rsqrt(var + eps)
    x_hat = (x - mean) * rstd
    d = x.shape[-1]
    dbeta = dout.reshape(-1, d).sum(dim=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(dim=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(dim=-1, keepdim=True))  # the path through the mean only
    return dx, dgamma, dbeta
