# expect: fail
"""np.sum(da) without an axis: db comes out a scalar, the sum over the hidden units as well."""

import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    hs = np.zeros((x.shape[0], x.shape[1], Wh.shape[0]))
    h = h0
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ Wx + h @ Wh + b)
        hs[:, t] = h
    return hs, (x, h0, Wx, Wh, hs)


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, hs = cache
    dx, dWx, dWh, db = np.zeros_like(x), np.zeros_like(Wx), np.zeros_like(Wh), 0.0
    dh = np.zeros_like(h0)
    for t in reversed(range(x.shape[1])):
        da = (dhs[:, t] + dh) * (1 - hs[:, t] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += (hs[:, t - 1] if t else h0).T @ da
        db += np.sum(da)
        dh = da @ Wh.T
    return dx, dh, dWx, dWh, db
