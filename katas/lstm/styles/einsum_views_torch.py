# expect: pass
"""einsum, gates viewed as (..., 4, H), a sigmoid written with exp, gradients stored in preallocated tensors."""

import torch


def _sigmoid(z):
    return 1 / (1 + torch.exp(-z))


def _gates(x, h, W_ih, W_hh, b):
    a = torch.einsum("...d,kd->...k", x, W_ih) + torch.einsum("...h,kh->...k", h, W_hh) + b
    a = a.unflatten(-1, (4, -1))
    return _sigmoid(a[..., 0, :]), _sigmoid(a[..., 1, :]), torch.tanh(a[..., 2, :]), _sigmoid(a[..., 3, :])


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    i, f, g, o = _gates(x, h_prev, W_ih, W_hh, b_ih + b_hh)
    c = f * c_prev + i * g
    return o * torch.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    N, T, _ = x.shape
    out = x.new_empty(N, T, h0.shape[-1])
    h, c = h0, c0
    for t in range(T):
        h, c = lstm_cell(x[:, t], h, c, W_ih, W_hh, b_ih, b_hh)
        out[:, t] = h
    return out, h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    N, T, _ = x.shape
    H = h0.shape[-1]
    hs = x.new_empty(N, T + 1, H)
    cs = x.new_empty(N, T + 1, H)
    acts = x.new_empty(N, T, 4, H)
    hs[:, 0], cs[:, 0] = h0, c0
    for t in range(T):
        i, f, g, o = _gates(x[:, t], hs[:, t], W_ih, W_hh, b_ih + b_hh)
        acts[:, t] = torch.stack([i, f, g, o], 1)
        cs[:, t + 1] = f * cs[:, t] + i * g
        hs[:, t + 1] = o * torch.tanh(cs[:, t + 1])
    dA = x.new_zeros(N, T, 4, H)
    dh = x.new_zeros(N, H)
    dc = x.new_zeros(N, H)
    for t in reversed(range(T)):
        i, f, g, o = acts[:, t].unbind(1)
        tc = torch.tanh(cs[:, t + 1])
        dh = dh + dout[:, t]
        dc = dc + dh * o * (1 - tc * tc)
        dA[:, t] = torch.stack([dc * g * i * (1 - i), dc * cs[:, t] * f * (1 - f), dc * i * (1 - g * g),
                                dh * tc * o * (1 - o)], 1)
        dh = torch.einsum("nk,kh->nh", dA[:, t].flatten(1), W_hh)
        dc = dc * f
    dA = dA.flatten(2)
    db = dA.sum((0, 1))
    return {"x": torch.einsum("ntk,kd->ntd", dA, W_ih), "h0": dh, "c0": dc,
            "W_ih": torch.einsum("ntk,ntd->kd", dA, x), "W_hh": torch.einsum("ntk,nth->kh", dA, hs[:, :-1]),
            "b_ih": db, "b_hh": db.clone()}
