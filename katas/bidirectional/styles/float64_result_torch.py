# expect: fail as dtype-hard-coded
"""WRONG: computes in float64 and forgets to cast back; the torch track returns x's dtype."""

import torch


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    halves = []
    for h, (Wx, Wh, b), steps in ((h0_fwd, params_fwd, range(T)), (h0_bwd, params_bwd, range(T - 1, -1, -1))):
        h, Wx, Wh, b = h.double(), Wx.double(), Wh.double(), b.double()
        hs = [None] * T
        for t in steps:
            h = torch.tanh(x[:, t].double() @ Wx + h @ Wh + b)
            hs[t] = h
        halves.append(torch.stack(hs, 1))
    return torch.cat(halves, -1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    T = x.shape[1]
    halves = []
    for d, params in enumerate((params_fwd, params_bwd)):
        W_ih, W_hh, b_ih, b_hh = (p.double() for p in params)
        h, c = h0[d].double(), c0[d].double()
        hs = [None] * T
        for t in (range(T) if d == 0 else range(T - 1, -1, -1)):
            i, f, g, o = (x[:, t].double() @ W_ih.T + b_ih + h @ W_hh.T + b_hh).chunk(4, -1)
            c = f.sigmoid() * c + i.sigmoid() * g.tanh()
            h = o.sigmoid() * c.tanh()
            hs[t] = h
        halves.append(torch.stack(hs, 1))
    return torch.cat(halves, -1)
