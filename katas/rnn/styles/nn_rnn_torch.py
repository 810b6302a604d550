# expect: forbidden
"""The forward by nn.RNN with the weights copied in (the backward by hand)."""

import torch


def rnn_forward(x, h0, Wx, Wh, b):
    rnn = torch.nn.RNN(Wx.shape[0], Wx.shape[1], batch_first=True).to(x.device)
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(Wx.T)
        rnn.weight_hh_l0.copy_(Wh.T)
        rnn.bias_ih_l0.copy_(b)
        rnn.bias_hh_l0.zero_()
        hs, _ = rnn(x, h0[None])
    return hs, (x, h0, Wx, Wh, hs)


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
