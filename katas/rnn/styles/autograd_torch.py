# expect: forbidden
"""Replays the forward with autograd and lets torch.autograd.grad do the backward."""

import torch


def rnn_forward(x, h0, Wx, Wh, b):
    h, outs = h0, []
    for t in range(x.shape[1]):
        h = torch.tanh(x[:, t] @ Wx + h @ Wh + b)
        outs.append(h)
    return torch.stack(outs, 1), (x, h0, Wx, Wh, b)


def rnn_backward(dhs, cache):
    leaves = [t.detach().clone().requires_grad_() for t in cache]
    with torch.enable_grad():
        hs, _ = rnn_forward(*leaves)
        return torch.autograd.grad((hs * dhs).sum(), leaves)
