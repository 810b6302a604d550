"""Classic mistakes of layernorm, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _normalise(x, eps):
    """x-hat and 1 / sqrt(var + eps) over the last axis, done right."""
    mean = x.mean(axis=-1, keepdims=True)
    rstd = 1.0 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    return (x - mean) * rstd, rstd


def _param_grads(dout, x_hat, d):
    """dgamma and dbeta summed over every axis but the last, done right."""
    dbeta = dout.reshape(-1, d).sum(axis=0)
    return (dout * x_hat).reshape(-1, d).sum(axis=0), dbeta


def _dx(g, x_hat, rstd):
    """dx from g, the gradient reaching x_hat, with both paths through the statistics."""
    return rstd * (g - g.mean(axis=-1, keepdims=True)
                   - x_hat * (g * x_hat).mean(axis=-1, keepdims=True))


def _stats_over_axis_1(x, eps):
    mean = x.mean(axis=1, keepdims=True)  # axis 1 is the feature axis only on 2-D input
    centred = x - mean
    rstd = 1.0 / np.sqrt((centred * centred).mean(axis=1, keepdims=True) + eps)
    return centred * rstd, rstd


class unbiased_variance:
    def layer_norm(x, gamma, beta, eps=1e-5):
        d = x.shape[-1]
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).sum(axis=-1, keepdims=True) / (d - 1)  # D - 1, not D
        x_hat = (x - mean) / np.sqrt(var + eps)
        return gamma * x_hat + beta

    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        d = x.shape[-1]
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).sum(axis=-1, keepdims=True) / (d - 1)  # D - 1 again
        rstd = 1.0 / np.sqrt(var + eps)
        x_hat = (x - mean) * rstd
        lead = tuple(range(x.ndim - 1))
        dbeta = dout.sum(axis=lead)
        dgamma = (dout * x_hat).sum(axis=lead)
        return _dx(dout * gamma, x_hat, rstd), dgamma, dbeta


class fixed_axis_1:
    def layer_norm(x, gamma, beta, eps=1e-5):
        x_hat, _ = _stats_over_axis_1(x, eps)
        return gamma * x_hat + beta

    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        d = x.shape[1]  # the feature count only on 2-D input
        x_hat, rstd = _stats_over_axis_1(x, eps)
        dbeta = np.sum(dout, axis=0)  # axis 0 is every leading axis only on 2-D input
        dgamma = np.sum(dout * x_hat, axis=0)
        g = dout * gamma
        dx = rstd / d * (d * g - np.sum(g, axis=1, keepdims=True)
                         - x_hat * np.sum(g * x_hat, axis=1, keepdims=True))  # axis 1 again
        return dx, dgamma, dbeta

    def rms_norm(x, weight, eps=1e-6):
        return x / np.sqrt(np.mean(x ** 2, axis=1, keepdims=True) + eps) * weight  # mean over axis 1


class eps_outside_sqrt:
    def layer_norm(x, gamma, beta, eps=1e-5):
        mean = x.mean(axis=-1, keepdims=True)
        std = x.std(axis=-1, keepdims=True)
        return gamma * (x - mean) / (std + eps) + beta  # std + eps, not sqrt(var + eps)

    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        mean = x.mean(axis=-1, keepdims=True)
        rstd = 1.0 / (x.std(axis=-1, keepdims=True) + eps)  # std + eps again
        x_hat = (x - mean) * rstd
        dgamma, dbeta = _param_grads(dout, x_hat, x.shape[-1])
        return _dx(dout * gamma, x_hat, rstd), dgamma, dbeta

    def rms_norm(x, weight, eps=1e-6):
        rms = np.sqrt(np.mean(x ** 2, axis=-1, keepdims=True))
        return x / (rms + eps) * weight  # rms + eps, not sqrt(mean(x**2) + eps)


class param_grads_axis_0:
    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        x_hat, rstd = _normalise(x, eps)
        dbeta = dout.sum(axis=0)  # axis 0 only: a (L, D) array on 3-D input, a scalar on 1-D
        dgamma = (dout * x_hat).sum(axis=0)
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
        dx = rstd * (g - g.mean(axis=-1, keepdims=True))  # the path through the mean only
        return dx, dgamma, dbeta


class dx_forgets_gamma:
    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        x_hat, rstd = _normalise(x, eps)
        dgamma, dbeta = _param_grads(dout, x_hat, x.shape[-1])
        return _dx(dout, x_hat, rstd), dgamma, dbeta  # dout, where x_hat's gradient is dout * gamma


class rms_norm_subtracts_mean:
    def rms_norm(x, weight, eps=1e-6):
        centred = x - x.mean(axis=-1, keepdims=True)  # RMSNorm does not centre
        rms = np.sqrt(np.mean(centred ** 2, axis=-1, keepdims=True) + eps)
        return centred / rms * weight


class rms_norm_divides_by_std:
    def rms_norm(x, weight, eps=1e-6):
        return x / np.sqrt(x.var(axis=-1, keepdims=True) + eps) * weight  # spread about the mean, not about 0
