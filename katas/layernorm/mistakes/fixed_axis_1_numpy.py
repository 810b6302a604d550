import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mean = np.mean(x, axis=1, keepdims=True)
    var = np.var(x, axis=1, keepdims=True)
    x_hat = (x - mean) / np.sqrt(var + eps)
    return gamma * x_hat + beta


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    d = x.shape[1]
    mean = np.mean(x, axis=1, keepdims=True)
    var = np.var(x, axis=1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mean) * rstd
    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * x_hat, axis=0)
    g = dout * gamma
    dx = rstd / d * (d * g - np.sum(g, axis=1, keepdims=True)
                     - x_hat * np.sum(g * x_hat, axis=1, keepdims=True))
    return dx, dgamma, dbeta


def rms_norm(x, weight, eps=1e-6):
    return x / np.sqrt(np.mean(x ** 2, axis=1, keepdims=True) + eps) * weight
