import numpy as np


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mean) * rstd
    dbeta = dout.sum(axis=0)  # sums over the batch axis only
    dgamma = (dout * x_hat).sum(axis=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(axis=-1, keepdims=True) - x_hat * (g * x_hat).mean(axis=-1, keepdims=True))
    return dx, dgamma, dbeta
