# expect: pass
"""One sequence at a time with 1-D tensors and mv; the backward states are collected and reversed."""

import torch


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    N, T, _ = x.shape
    rows = []
    for n in range(N):
        Wx, Wh, b = params_fwd
        h, fwd = h0_fwd[n], []
        for t in range(T):
            h = torch.tanh(Wx.T.mv(x[n, t]) + Wh.T.mv(h) + b)
            fwd.append(h)
        Wx, Wh, b = params_bwd
        h, bwd = h0_bwd[n], []
        for t in range(T - 1, -1, -1):
            h = torch.tanh(Wx.T.mv(x[n, t]) + Wh.T.mv(h) + b)
            bwd.append(h)
        bwd.reverse()
        rows.append(torch.stack([torch.cat([f, b_]) for f, b_ in zip(fwd, bwd)]))
    return torch.stack(rows)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0.shape[2]
    rows = []
    for n in range(N):
        halves = []
        for d, (W_ih, W_hh, b_ih, b_hh) in enumerate((params_fwd, params_bwd)):
            h, c, hs = h0[d, n], c0[d, n], []
            for t in (range(T) if d == 0 else range(T - 1, -1, -1)):
                z = W_ih.mv(x[n, t]) + b_ih + W_hh.mv(h) + b_hh
                i, f, g, o = z[:H].sigmoid(), z[H:2 * H].sigmoid(), z[2 * H:3 * H].tanh(), z[3 * H:].sigmoid()
                c = f * c + i * g
                h = o * c.tanh()
                hs.append(h)
            halves.append(torch.stack(hs if d == 0 else hs[::-1]))
        rows.append(torch.cat(halves, dim=1))
    return torch.stack(rows)
