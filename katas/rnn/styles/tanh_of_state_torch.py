# expect: fail as dtanh-of-h
"""A dtanh(z) = 1 - tanh(z)^2 helper, called on the cached states h instead of the pre-activations."""

import torch


def dtanh(z):
    return 1 - torch.tanh(z) ** 2


def rnn_forward(x, h0, Wx, Wh, b):
    h, outs = h0, []
    for t in range(x.shape[1]):
        h = torch.tanh(x[:, t] @ Wx + h @ Wh + b)
        outs.append(h)
    return torch.stack(outs, 1), (x, h0, Wx, Wh, outs)


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, outs = cache
    dx, dWx, dWh, db = torch.zeros_like(x), torch.zeros_like(Wx), torch.zeros_like(Wh), torch.zeros_like(Wh[0])
    dh = torch.zeros_like(h0)
    for t in reversed(range(x.shape[1])):
        da = (dhs[:, t] + dh) * dtanh(outs[t])
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += (outs[t - 1] if t else h0).T @ da
        db += da.sum(0)
        dh = da @ Wh.T
    return dx, dh, dWx, dWh, db
