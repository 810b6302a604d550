import numpy as np


def _stats_over_axis_1(x, eps):
    # The mistake: axis 1 is the feature axis only for 2-D input.
    mu = x.mean(axis=1, keepdims=True)
    centred = x - mu
    inv_std = 1.0 / np.sqrt((centred * centred).mean(axis=1, keepdims=True) + eps)
    return centred * inv_std, inv_std


def layer_norm(x, gamma, beta, eps=1e-5):
    x_hat, _ = _stats_over_axis_1(x, eps)
    return gamma * x_hat + beta


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    d = x.shape[1]
    x_hat, rstd = _stats_over_axis_1(x, eps)
    dbeta = np.sum(dout, axis=0)
    dgamma = np.sum(dout * x_hat, axis=0)
    g = dout * gamma
    dx = rstd / d * (d * g - np.sum(g, axis=1, keepdims=True)
                     - x_hat * np.sum(g * x_hat, axis=1, keepdims=True))
    return dx, dgamma, dbeta


def rms_norm(x, weight, eps=1e-6):
    return x / np.sqrt(np.mean(x ** 2, axis=1, keepdims=True) + eps) * weight
