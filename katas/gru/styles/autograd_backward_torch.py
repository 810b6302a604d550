# expect: forbidden
"""Backward by autograd: reruns its own forward with requires_grad and calls torch.autograd.grad."""

import torch
import torch.nn.functional as F


def _step(x, h, W_ih, W_hh, b_ih, b_hh):
    i_r, i_z, i_n = F.linear(x, W_ih, b_ih).chunk(3, dim=-1)
    h_r, h_z, h_n = F.linear(h, W_hh, b_hh).chunk(3, dim=-1)
    r = torch.sigmoid(i_r + h_r)
    z = torch.sigmoid(i_z + h_z)
    n = torch.tanh(i_n + r * h_n)
    return torch.lerp(n, h, z), (r, z, n, h_n)      # n + z * (h - n)


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return _step(x, h_prev, W_ih, W_hh, b_ih, b_hh)[0]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    outs, h = [], h0
    for x_t in x.unbind(1):
        h = gru_cell(x_t, h, W_ih, W_hh, b_ih, b_hh)
        outs.append(h)
    return torch.stack(outs, 1), h


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    names = ("x", "h0", "W_ih", "W_hh", "b_ih", "b_hh")
    with torch.enable_grad():
        leaves = [a.detach().requires_grad_() for a in (x, h0, W_ih, W_hh, b_ih, b_hh)]
        out, _ = gru_forward(*leaves)
        grads = torch.autograd.grad((out * dout).sum(), leaves)
    return dict(zip(names, grads))
