# expect: fail as dtype-hard-coded
"""Computes in float64 and forgets to cast back: right values, wrong dtype (the torch track returns the input's float32)."""

import torch


def _stats(x, eps):
    xd = x.double()
    mean = xd.mean(-1, keepdim=True)
    rstd = torch.rsqrt(((xd - mean) ** 2).mean(-1, keepdim=True) + eps)
    return (xd - mean) * rstd, rstd


def layer_norm(x, gamma, beta, eps=1e-5):
    return _stats(x, eps)[0] * gamma.double() + beta.double()


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    x_hat, rstd = _stats(x, eps)
    d = x.shape[-1]
    dd = dout.double()
    g = dd * gamma.double()
    dx = rstd * (g - g.mean(-1, keepdim=True) - x_hat * (g * x_hat).mean(-1, keepdim=True))
    return dx, (dd * x_hat).reshape(-1, d).sum(0), dd.reshape(-1, d).sum(0)


def rms_norm(x, weight, eps=1e-6):
    xd = x.double()
    return xd * torch.rsqrt((xd * xd).mean(-1, keepdim=True) + eps) * weight.double()
