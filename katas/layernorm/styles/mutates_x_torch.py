# expect: fail as input-modified
"""Right values, but layer_norm centres and scales x in place (x.sub_, x.mul_), changing the caller's tensor."""

import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    x.sub_(x.mean(-1, keepdim=True))
    x.mul_(torch.rsqrt((x * x).mean(-1, keepdim=True) + eps))
    return x * gamma + beta


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    d = x.shape[-1]
    c = x - x.mean(-1, keepdim=True)
    rstd = torch.rsqrt((c * c).mean(-1, keepdim=True) + eps)
    x_hat = c * rstd
    g = dout * gamma
    dx = rstd * (g - g.mean(-1, keepdim=True) - x_hat * (g * x_hat).mean(-1, keepdim=True))
    return dx, (dout * x_hat).reshape(-1, d).sum(0), dout.reshape(-1, d).sum(0)


def rms_norm(x, weight, eps=1e-6):
    return x * torch.rsqrt((x * x).mean(-1, keepdim=True) + eps) * weight
