# expect: fail
"""Reads x as (T, N, D), as nn.RNN does without batch_first: it steps over the batch axis."""

import torch


def rnn_forward(x, h0, Wx, Wh, b):
    h, outs = h0, []
    for t in range(x.shape[0]):
        h = torch.tanh(x[t] @ Wx + h @ Wh + b)
        outs.append(h)
    hs = torch.stack(outs, 0)
    return hs, (x, h0, Wx, Wh, hs)


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, hs = cache
    dx, dWx, dWh, db = torch.zeros_like(x), torch.zeros_like(Wx), torch.zeros_like(Wh), torch.zeros_like(Wh[0])
    dh = torch.zeros_like(h0)
    for t in reversed(range(x.shape[0])):
        da = (dhs[t] + dh) * (1 - hs[t] ** 2)
        dx[t] = da @ Wx.T
        dWx += x[t].T @ da
        dWh += (hs[t - 1] if t else h0).T @ da
        db += da.sum(0)
        dh = da @ Wh.T
    return dx, dh, dWx, dWh, db
