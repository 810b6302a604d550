import numpy as np


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mean) * rstd
    d = x.shape[-1]
    dbeta = dout.reshape(-1, d).sum(axis=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(axis=0)
    dx = dout * gamma * rstd  # as if mean and var were constants
    return dx, dgamma, dbeta
