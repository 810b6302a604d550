# expect: pass
"""One step forward and one step backward as helpers; the cache is a list of per-step tuples."""

import numpy as np


def _step_forward(x_t, h_prev, Wx, Wh, b):
    h = np.tanh(np.matmul(x_t, Wx) + np.matmul(h_prev, Wh) + b)
    return h, (x_t, h_prev, Wx, Wh, h)


def _step_backward(dh, step):
    x_t, h_prev, Wx, Wh, h = step
    da = dh * (1 - h) * (1 + h)
    return np.matmul(da, Wx.T), np.matmul(da, Wh.T), np.matmul(x_t.T, da), np.matmul(h_prev.T, da), np.sum(da, 0)


def rnn_forward(x, h0, Wx, Wh, b):
    N, T, D = x.shape
    hs = np.zeros((N, T, Wh.shape[0]))
    steps = []
    h = h0
    for t in range(T):
        h, step = _step_forward(x[:, t, :], h, Wx, Wh, b)
        hs[:, t, :] = h
        steps.append(step)
    return hs, steps


def rnn_backward(dhs, cache):
    N, T, H = dhs.shape
    x_t, h0, Wx, Wh, _ = cache[0]
    dx = np.zeros((N, T, Wx.shape[0]))
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(H)
    dh_prev = np.zeros((N, H))
    for t in reversed(range(T)):
        dx[:, t, :], dh_prev, dWx_t, dWh_t, db_t = _step_backward(dhs[:, t, :] + dh_prev, cache[t])
        dWx += dWx_t
        dWh += dWh_t
        db += db_t
    return dx, dh_prev, dWx, dWh, db
