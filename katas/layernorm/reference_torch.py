"""Reference: LayerNorm forward and backward, and RMSNorm, in PyTorch (no autograd)."""

import torch


def _normalise(x, eps):
    """x-hat and 1 / sqrt(var + eps), both over the last dim (biased variance)."""
    centred = x - x.mean(dim=-1, keepdim=True)
    var = (centred * centred).mean(dim=-1, keepdim=True)
    rstd = torch.rsqrt(var + eps)
    return centred * rstd, rstd


def _sum_leading(a):
    """Sum over every dim but the last: the per-feature total of a parameter gradient."""
    return a.reshape(-1, a.shape[-1]).sum(dim=0)


def layer_norm(x, gamma, beta, eps=1e-5):
    xhat, _ = _normalise(x, eps)
    return xhat * gamma + beta


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    xhat, rstd = _normalise(x, eps)
    dbeta = _sum_leading(dout)
    dgamma = _sum_leading(dout * xhat)
    g = dout * gamma  # gradient with respect to x-hat
    # The mean and the variance depend on every entry of the row: removing the
    # row mean of g and its component along x-hat accounts for both.
    dx = rstd * (g - g.mean(dim=-1, keepdim=True)
                 - xhat * (g * xhat).mean(dim=-1, keepdim=True))
    return dx, dgamma, dbeta


def rms_norm(x, weight, eps=1e-6):
    mean_square = (x * x).mean(dim=-1, keepdim=True)
    return x * torch.rsqrt(mean_square + eps) * weight
