# expect: pass
"""Works on x.T so every feature is a row: statistics over the last dim with keepdim, then transposed back."""
import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    xt = x.t()
    if training:
        n = xt.shape[1]
        if n == 1:
            raise ValueError("BatchNorm in training needs more than one sample")
        mean = xt.mean(dim=-1, keepdim=True)
        var = xt.var(dim=-1, keepdim=True, correction=0)
        new_mean = (1 - momentum) * running_mean + momentum * mean.squeeze(-1)
        new_var = (1 - momentum) * running_var + momentum * xt.var(dim=-1, correction=1)
    else:
        mean, var = running_mean[:, None], running_var[:, None]
        new_mean, new_var = running_mean.clone(), running_var.clone()
    out = (xt - mean) / torch.sqrt(var + eps) * gamma[:, None] + beta[:, None]
    return out.t().contiguous(), new_mean, new_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    xt, gt = x.t(), dout.t()
    mean = xt.mean(dim=-1, keepdim=True)
    inv_std = torch.rsqrt(xt.var(dim=-1, keepdim=True, correction=0) + eps)
    xhat = (xt - mean) * inv_std
    g = gt * gamma[:, None]
    dx = inv_std * (g - g.mean(-1, keepdim=True) - xhat * (g * xhat).mean(-1, keepdim=True))
    return dx.t().contiguous(), (gt * xhat).sum(-1), gt.sum(-1)
