# expect: fail
"""Takes h_{t-1} as hs[:, t - 1] at every step: at t = 0 that wraps around to the last state, not h0."""

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
    dx, dWx, dWh, db = np.zeros_like(x), np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(Wh.shape[0])
    dh = np.zeros_like(h0)
    for t in reversed(range(x.shape[1])):
        da = (dhs[:, t] + dh) * (1 - hs[:, t] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += hs[:, t - 1].T @ da
        db += da.sum(0)
        dh = da @ Wh.T
    return dx, dh, dWx, dWh, db
