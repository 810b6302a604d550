# expect: fail
"""Returns T + 1 states, h0 included, as hs: its shape is (N, T + 1, H)."""

import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    hs = [h0]
    for t in range(x.shape[1]):
        hs.append(np.tanh(x[:, t] @ Wx + hs[-1] @ Wh + b))
    hs = np.stack(hs, axis=1)
    return hs, (x, Wx, Wh, hs)


def rnn_backward(dhs, cache):
    x, Wx, Wh, hs = cache
    dx, dWx, dWh, db = np.zeros_like(x), np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(Wh.shape[0])
    dh = np.zeros_like(hs[:, 0])
    for t in reversed(range(x.shape[1])):
        da = (dhs[:, t] + dh) * (1 - hs[:, t + 1] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += hs[:, t].T @ da
        db += da.sum(0)
        dh = da @ Wh.T
    return dx, dh, dWx, dWh, db
