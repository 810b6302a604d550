# expect: pass
"""Backward by the step-by-step chain rule through x_hat, the variance and the mean; unbiased=False in the forward."""
import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if training:
        n = x.shape[0]
        if n < 2:
            raise ValueError(f"got a training batch of {n}")
        mu = x.mean(0)
        var = x.var(0, unbiased=False)
        xhat = (x - mu) / torch.sqrt(var + eps)
        rm = running_mean * (1 - momentum) + mu * momentum
        rv = running_var * (1 - momentum) + var * (n / (n - 1)) * momentum
        return gamma * xhat + beta, rm, rv
    xhat = (x - running_mean) / torch.sqrt(running_var + eps)
    return gamma * xhat + beta, running_mean, running_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    mu = x.mean(0)
    xmu = x - mu
    var = (xmu ** 2).mean(0)
    std = torch.sqrt(var + eps)
    xhat = xmu / std
    dxhat = dout * gamma
    dvar = (dxhat * xmu).sum(0) * -0.5 * std ** -3
    dmu = -(dxhat / std).sum(0) + dvar * (-2.0 * xmu).mean(0)
    dx = dxhat / std + dvar * 2.0 * xmu / n + dmu / n
    return dx, (dout * xhat).sum(0), dout.sum(0)
