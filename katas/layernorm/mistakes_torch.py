"""Classic mistakes of layernorm, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


def _normalise(x, eps):
    """x-hat and 1 / sqrt(var + eps) over the last dim, done right."""
    mean = x.mean(dim=-1, keepdim=True)
    rstd = torch.rsqrt(x.var(dim=-1, keepdim=True, unbiased=False) + eps)
    return (x - mean) * rstd, rstd


def _param_grads(dout, x_hat, d):
    """dgamma and dbeta summed over every dim but the last, done right."""
    dbeta = dout.reshape(-1, d).sum(dim=0)
    return (dout * x_hat).reshape(-1, d).sum(dim=0), dbeta


def _dx(g, x_hat, rstd):
    """dx from g, the gradient reaching x_hat, with both paths through the statistics."""
    return rstd * (g - g.mean(dim=-1, keepdim=True)
                   - x_hat * (g * x_hat).mean(dim=-1, keepdim=True))


def _stats_over_dim_1(x):
    mean = x.mean(dim=1, keepdim=True)  # dim 1 is the feature dim only on 2-D input
    return mean, x.var(dim=1, keepdim=True, unbiased=False)


class unbiased_variance:
    def layer_norm(x, gamma, beta, eps=1e-5):
        mean = x.mean(dim=-1, keepdim=True)
        var = x.var(dim=-1, keepdim=True)  # torch's default divides by D - 1, not D
        x_hat = (x - mean) / torch.sqrt(var + eps)
        return gamma * x_hat + beta

    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        mean = x.mean(dim=-1, keepdim=True)
        rstd = 1.0 / torch.sqrt(x.var(dim=-1, keepdim=True) + eps)  # D - 1 again
        x_hat = (x - mean) * rstd
        dgamma, dbeta = _param_grads(dout, x_hat, x.shape[-1])
        return _dx(dout * gamma, x_hat, rstd), dgamma, dbeta


class fixed_axis_1:
    def layer_norm(x, gamma, beta, eps=1e-5):
        mean, var = _stats_over_dim_1(x)
        x_hat = (x - mean) / torch.sqrt(var + eps)
        return gamma * x_hat + beta

    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        d = x.shape[1]  # the feature count only on 2-D input
        mean, var = _stats_over_dim_1(x)
        rstd = 1.0 / torch.sqrt(var + eps)
        x_hat = (x - mean) * rstd
        dbeta = dout.sum(dim=0)  # dim 0 is every leading dim only on 2-D input
        dgamma = (dout * x_hat).sum(dim=0)
        g = dout * gamma
        dx = rstd / d * (d * g - g.sum(dim=1, keepdim=True)
                         - x_hat * (g * x_hat).sum(dim=1, keepdim=True))  # dim 1 again
        return dx, dgamma, dbeta

    def rms_norm(x, weight, eps=1e-6):
        return x / torch.sqrt(x.pow(2).mean(dim=1, keepdim=True) + eps) * weight  # mean over dim 1


class eps_outside_sqrt:
    def layer_norm(x, gamma, beta, eps=1e-5):
        mean = x.mean(dim=-1, keepdim=True)
        std = x.std(dim=-1, keepdim=True, unbiased=False)
        return gamma * (x - mean) / (std + eps) + beta  # std + eps, not sqrt(var + eps)

    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        mean = x.mean(dim=-1, keepdim=True)
        rstd = 1.0 / (x.std(dim=-1, keepdim=True, unbiased=False) + eps)  # std + eps again
        x_hat = (x - mean) * rstd
        dgamma, dbeta = _param_grads(dout, x_hat, x.shape[-1])
        return _dx(dout * gamma, x_hat, rstd), dgamma, dbeta

    def rms_norm(x, weight, eps=1e-6):
        rms = x.pow(2).mean(dim=-1, keepdim=True).sqrt()
        return x / (rms + eps) * weight  # rms + eps, not sqrt(mean(x**2) + eps)


class param_grads_axis_0:
    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        x_hat, rstd = _normalise(x, eps)
        dbeta = dout.sum(dim=0)  # dim 0 only: a (L, D) tensor on 3-D input, a scalar on 1-D
        dgamma = (dout * x_hat).sum(dim=0)
        return _dx(dout * gamma, x_hat, rstd), dgamma, dbeta


class dx_ignores_statistics:
    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        x_hat, rstd = _normalise(x, eps)
        dgamma, dbeta = _param_grads(dout, x_hat, x.shape[-1])
        return dout * gamma * rstd, dgamma, dbeta  # as if the mean and var did not depend on x


class dx_misses_variance_term:
    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        x_hat, rstd = _normalise(x, eps)
        dgamma, dbeta = _param_grads(dout, x_hat, x.shape[-1])
        g = dout * gamma
        dx = rstd * (g - g.mean(dim=-1, keepdim=True))  # the path through the mean only
        return dx, dgamma, dbeta


class dx_forgets_gamma:
    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        x_hat, rstd = _normalise(x, eps)
        dgamma, dbeta = _param_grads(dout, x_hat, x.shape[-1])
        return _dx(dout, x_hat, rstd), dgamma, dbeta  # dout, where x_hat's gradient is dout * gamma


class rms_norm_subtracts_mean:
    def rms_norm(x, weight, eps=1e-6):
        centred = x - x.mean(dim=-1, keepdim=True)  # RMSNorm does not centre
        rms = torch.sqrt(centred.pow(2).mean(dim=-1, keepdim=True) + eps)
        return centred / rms * weight


class rms_norm_divides_by_std:
    def rms_norm(x, weight, eps=1e-6):
        var = x.var(dim=-1, keepdim=True, correction=0)  # spread about the mean, not about 0
        return x * torch.rsqrt(var + eps) * weight
