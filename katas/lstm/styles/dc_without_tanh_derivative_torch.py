# expect: fail
"""Forgets the tanh derivative of the cell in dc: dc = dc_next + dh * o."""

import torch


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    gates = x @ W_ih.t() + b_ih + h_prev @ W_hh.t() + b_hh
    i, f, g, o = gates.chunk(4, -1)
    c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    h, c = h0, c0
    hs = []
    for x_t in x.unbind(1):
        h, c = lstm_cell(x_t, h, c, W_ih, W_hh, b_ih, b_hh)
        hs.append(h)
    return torch.stack(hs, 1), h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    T = x.shape[1]
    h, c = h0, c0
    saved = []
    for t in range(T):
        i, f, g, o = (x[:, t] @ W_ih.t() + h @ W_hh.t() + b_ih + b_hh).chunk(4, -1)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c_new = f * c + i * g
        saved.append((h, c, i, f, g, o, torch.tanh(c_new)))
        h, c = o * torch.tanh(c_new), c_new
    dxs = [None] * T
    dW_ih = torch.zeros_like(W_ih)
    dW_hh = torch.zeros_like(W_hh)
    db = torch.zeros_like(b_ih)
    dh_next = torch.zeros_like(h0)
    dc_next = torch.zeros_like(c0)
    for t in range(T - 1, -1, -1):
        h_prev, c_prev, i, f, g, o, tc = saved[t]
        dh = dout[:, t] + dh_next
        do = dh * tc
        dc = dc_next + dh * o
        di, df, dg = dc * g, dc * c_prev, dc * i
        da = torch.cat([di * i * (1 - i), df * f * (1 - f), dg * (1 - g.pow(2)), do * o * (1 - o)], -1)
        dxs[t] = da @ W_ih
        dW_ih = dW_ih + da.t() @ x[:, t]
        dW_hh = dW_hh + da.t() @ h_prev
        db = db + da.sum(0)
        dh_next = da @ W_hh
        dc_next = dc * f
    return dict(x=torch.stack(dxs, 1), h0=dh_next, c0=dc_next, W_ih=dW_ih, W_hh=dW_hh, b_ih=db, b_hh=db.clone())
