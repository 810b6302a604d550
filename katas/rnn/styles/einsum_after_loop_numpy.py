# expect: pass
"""Only the recurrence in the loop: every da kept, then the weight gradients by einsum over (n, t) at once."""

import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    N, T, _ = x.shape
    hs = np.zeros((N, T, len(b)))
    xw = np.einsum("ntd,dh->nth", x, Wx) + b  # the input term of every step in one product
    h = h0
    for t in range(T):
        h = np.tanh(xw[:, t] + np.einsum("nk,kh->nh", h, Wh))
        hs[:, t] = h
    return hs, (x, h0, Wx, Wh, hs)


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, hs = cache
    das = np.zeros_like(hs)
    dh = np.zeros_like(h0)
    for t in reversed(range(hs.shape[1])):
        das[:, t] = (dhs[:, t] + dh) * (1 - hs[:, t] * hs[:, t])
        dh = np.einsum("nh,kh->nk", das[:, t], Wh)
    h_prev = np.concatenate([h0[:, None], hs[:, :-1]], axis=1)
    dx = np.einsum("nth,dh->ntd", das, Wx)
    dWx = np.einsum("ntd,nth->dh", x, das)
    dWh = np.einsum("ntk,nth->kh", h_prev, das)
    return dx, dh, dWx, dWh, das.sum(axis=(0, 1))
