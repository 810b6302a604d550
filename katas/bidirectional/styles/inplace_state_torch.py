# expect: fail as input-modified
"""WRONG: keeps the running state in the caller's h0 / c0 tensors and updates them with copy_."""

import torch


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    halves = []
    for h, (Wx, Wh, b), steps in ((h0_fwd, params_fwd, range(T)), (h0_bwd, params_bwd, range(T - 1, -1, -1))):
        hs = [None] * T
        for t in steps:
            h.copy_(torch.tanh(x[:, t] @ Wx + h @ Wh + b))  # overwrites the caller's h0
            hs[t] = h.clone()
        halves.append(torch.stack(hs, 1))
    return torch.cat(halves, -1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    T = x.shape[1]
    halves = []
    for d, (W_ih, W_hh, b_ih, b_hh) in enumerate((params_fwd, params_bwd)):
        h, c = h0[d], c0[d]
        hs = [None] * T
        for t in (range(T) if d == 0 else range(T - 1, -1, -1)):
            i, f, g, o = (x[:, t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh).chunk(4, -1)
            c.copy_(f.sigmoid() * c + i.sigmoid() * g.tanh())
            h.copy_(o.sigmoid() * c.tanh())
            hs[t] = h.clone()
        halves.append(torch.stack(hs, 1))
    return torch.cat(halves, -1)
