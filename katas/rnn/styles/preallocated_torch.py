# expect: pass
"""Preallocated outputs on x's device and dtype, written step by step; transposes as .mT."""

import torch


def rnn_forward(x, h0, Wx, Wh, b):
    N, T, _ = x.shape
    hs = torch.zeros(N, T, Wh.shape[1], dtype=x.dtype, device=x.device)
    for t in range(T):
        prev = h0 if t == 0 else hs[:, t - 1]
        hs[:, t] = torch.tanh(x[:, t] @ Wx + prev @ Wh + b)
    return hs, [x, h0, Wx, Wh, hs]


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, hs = cache
    N, T, _ = x.shape
    dx = torch.zeros(x.shape, dtype=x.dtype, device=x.device)
    dWx = torch.zeros(Wx.shape, dtype=x.dtype, device=x.device)
    dWh = torch.zeros(Wh.shape, dtype=x.dtype, device=x.device)
    db = torch.zeros(Wh.shape[1], dtype=x.dtype, device=x.device)
    carried = torch.zeros(h0.shape, dtype=x.dtype, device=x.device)
    for t in range(T - 1, -1, -1):
        h = hs[:, t]
        da = (dhs[:, t] + carried) * (1 - h) * (1 + h)
        dx[:, t] = da @ Wx.mT
        dWx += x[:, t].mT @ da
        dWh += (h0 if t == 0 else hs[:, t - 1]).mT @ da
        db += da.sum(0)
        carried = da @ Wh.mT
    return dx, carried, dWx, dWh, db
