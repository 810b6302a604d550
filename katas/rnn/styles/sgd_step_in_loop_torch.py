# expect: fail as input-modified
"""Steps the cached weights with lr = 0.1 after every time step, as a training loop would (in place)."""

import torch

LR = 0.1


def rnn_forward(x, h0, Wx, Wh, b):
    h, outs = h0, []
    for t in range(x.shape[1]):
        h = torch.tanh(x[:, t] @ Wx + h @ Wh + b)
        outs.append(h)
    hs = torch.stack(outs, 1)
    return hs, (x, h0, Wx, Wh, b, hs)


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, b, hs = cache
    dx, dWx, dWh, db = torch.zeros_like(x), torch.zeros_like(Wx), torch.zeros_like(Wh), torch.zeros_like(b)
    dh = torch.zeros_like(h0)
    for t in reversed(range(x.shape[1])):
        da = (dhs[:, t] + dh) * (1 - hs[:, t] ** 2)
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        dWh += (hs[:, t - 1] if t else h0).T @ da
        db += da.sum(0)
        dh = da @ Wh.T
        Wh.sub_(LR * dWh)
        Wx.sub_(LR * dWx)
    return dx, dh, dWx, dWh, db
