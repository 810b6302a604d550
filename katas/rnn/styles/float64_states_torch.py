# expect: fail as dtype-hard-coded
"""Allocates hs with torch.zeros(N, T, H, dtype=torch.float64): right values, wrong dtype."""

import torch


def rnn_forward(x, h0, Wx, Wh, b):
    hs = torch.zeros(x.shape[0], x.shape[1], Wh.shape[0], dtype=torch.float64, device=x.device)
    h = h0
    for t in range(x.shape[1]):
        h = torch.tanh(x[:, t] @ Wx + h @ Wh + b)
        hs[:, t] = h
    return hs, (x, h0, Wx, Wh, hs.to(x.dtype))


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, hs = cache
    dx, dWx, dWh, db = torch.zeros_like(x), torch.zeros_like(Wx), torch.zeros_like(Wh), torch.zeros_like(Wh[0])
    dh = torch.zeros_like(h0)
    for t in reversed(range(x.shape[1])):
        da = (dhs[:, t] + dh) * (1 - hs[:, t] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += (hs[:, t - 1] if t else h0).T @ da
        db += da.sum(0)
        dh = da @ Wh.T
    return dx, dh, dWx, dWh, db
