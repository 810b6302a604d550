import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    std = x.std(axis=-1, keepdims=True)
    return gamma * (x - mean) / (std + eps) + beta


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    std = x.std(axis=-1, keepdims=True)
    rstd = 1.0 / (std + eps)
    x_hat = (x - mean) * rstd
    d = x.shape[-1]
    dbeta = dout.reshape(-1, d).sum(axis=0)
    dgamma = (dout * x_hat).reshape(-1, d).sum(axis=0)
    g = dout * gamma
    dx = rstd * (g - g.mean(axis=-1, keepdims=True) - x_hat * (g * x_hat).mean(axis=-1, keepdims=True))
    return dx, dgamma, dbeta


def rms_norm(x, weight, eps=1e-6):
    rms = np.sqrt(np.mean(x ** 2, axis=-1, keepdims=True))
    return x / (rms + eps) * weight
