"""Reference: a vanilla tanh RNN over a whole sequence, forward and backward through time, in NumPy."""

import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    N, T, _ = x.shape
    hs = np.empty((N, T, Wh.shape[0]), dtype=np.result_type(x, h0, Wx, Wh, b))
    h = h0
    for t in range(T):
        h = np.tanh(x[:, t] @ Wx + h @ Wh + b)
        hs[:, t] = h
    # Only inputs and outputs: the backward reads tanh' from hs and never writes into the cache.
    return hs, (x, h0, Wx, Wh, b, hs)


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, _, hs = cache
    dx = np.empty_like(x)
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros(Wh.shape[0], dtype=hs.dtype)
    dh_next = np.zeros_like(h0)  # the gradient reaching h_t from step t + 1
    for t in reversed(range(x.shape[1])):
        h_prev = hs[:, t - 1] if t > 0 else h0
        da = (dhs[:, t] + dh_next) * (1.0 - hs[:, t] ** 2)  # tanh'(a_t) = 1 - h_t^2
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += h_prev.T @ da
        db += da.sum(axis=0)
        dh_next = da @ Wh.T
    return dx, dh_next, dWx, dWh, db
