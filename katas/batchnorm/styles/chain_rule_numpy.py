# expect: pass
"""Forward keeps a cache; backward walks the graph step by step: dxhat, dvar, dmu, then dx."""
import numpy as np


def _forward_cache(x, eps):
    mu = x.sum(axis=0) / x.shape[0]
    xmu = x - mu
    var = (xmu ** 2).sum(axis=0) / x.shape[0]
    sqrtvar = np.sqrt(var + eps)
    ivar = 1.0 / sqrtvar
    return xmu, var, sqrtvar, ivar


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    n = x.shape[0]
    if training:
        if n <= 1:
            raise ValueError(f"batch of {n}: BatchNorm cannot train on it")
        xmu, var, _, ivar = _forward_cache(x, eps)
        new_mean = running_mean + momentum * (x.mean(axis=0) - running_mean)
        new_var = running_var + momentum * (var * n / (n - 1) - running_var)
        return gamma * xmu * ivar + beta, new_mean, new_var
    xhat = (x - running_mean) / np.sqrt(running_var + eps)
    return gamma * xhat + beta, np.array(running_mean), np.array(running_var)


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    n = x.shape[0]
    xmu, var, sqrtvar, ivar = _forward_cache(x, eps)
    xhat = xmu * ivar
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    divar = (dxhat * xmu).sum(axis=0)
    dxmu1 = dxhat * ivar
    dsqrtvar = -divar / sqrtvar ** 2
    dvar = 0.5 * dsqrtvar / sqrtvar
    dxmu2 = 2.0 * xmu * dvar / n
    dx1 = dxmu1 + dxmu2
    dmu = -dx1.sum(axis=0)
    dx = dx1 + dmu / n
    return dx, dgamma, dbeta
