# expect: fail as dtype-hard-coded
"""Casts to float32 "for speed" and returns float32 arrays: the NumPy track takes and returns float64."""

import numpy as np


def _norm(x, eps):
    x = x.astype(np.float32)
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    rstd = np.float32(1.0) / np.sqrt(var + np.float32(eps))
    return (x - mean) * rstd, rstd


def layer_norm(x, gamma, beta, eps=1e-5):
    x_hat, _ = _norm(x, eps)
    return gamma.astype(np.float32) * x_hat + beta.astype(np.float32)


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    x_hat, rstd = _norm(x, eps)
    d = x.shape[-1]
    dout = dout.astype(np.float32)
    g = dout * gamma.astype(np.float32)
    dx = rstd * (g - g.mean(-1, keepdims=True) - x_hat * (g * x_hat).mean(-1, keepdims=True))
    return dx, (dout * x_hat).reshape(-1, d).sum(0), dout.reshape(-1, d).sum(0)


def rms_norm(x, weight, eps=1e-6):
    x = x.astype(np.float32)
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + np.float32(eps)) * weight.astype(np.float32)
