"""Reference: a two-weight scalar network's forward and backward pass by hand, and a biased two-layer net, in PyTorch."""

import torch


def _hidden(x, w1):
    z1 = w1 * x
    return z1, z1.clamp_min(0)


def _output(a1, w2, b):
    # In floating point exp(-z) overflows to inf for very negative z and 1 / inf is 0:
    # the limit, with no NaN and (unlike NumPy) no warning.
    return 1 / (1 + torch.exp(-(w2 * a1 + b)))


def forward(x, y, w1, w2, b):
    _, a1 = _hidden(x, w1)
    a2 = _output(a1, w2, b)
    return 0.5 * (y - a2) ** 2


def gradients(x, y, w1, w2, b):
    z1, a1 = _hidden(x, w1)
    a2 = _output(a1, w2, b)
    dz2 = (a2 - y) * a2 * (1 - a2)
    # relu'(0) = 0, the value autograd uses: a unit exactly at 0 passes nothing back.
    dz1 = dz2 * w2 * (z1 > 0).to(z1.dtype)
    return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


def _with_bias_unit(a):
    return torch.cat([a, a.new_ones(a.shape[:-1] + (1,))], dim=-1)


def forward_with_bias(x, W, V):
    a1 = (_with_bias_unit(x) @ W.T).clamp_min(0)
    z2 = (_with_bias_unit(a1) @ V.T).clamp_min(0)
    e = torch.exp(z2 - z2.amax(dim=-1, keepdim=True))
    return e / e.sum(dim=-1, keepdim=True)
