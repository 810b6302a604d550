# expect: pass
"""einsum for every product, the input projections up front, gates via view(N, 4, H).unbind(1)."""

import torch


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    halves = []
    for h, (Wx, Wh, b), order in ((h0_fwd, params_fwd, list(range(T))), (h0_bwd, params_bwd, list(range(T))[::-1])):
        xp = torch.einsum("ntd,dh->nth", x, Wx) + b
        states = [None] * T
        for t in order:
            h = torch.tanh(xp[:, t] + torch.einsum("nk,kh->nh", h, Wh))
            states[t] = h
        halves.append(torch.stack(states, 1))
    return torch.cat(halves, -1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0.shape[-1]
    halves = []
    for d, (W_ih, W_hh, b_ih, b_hh) in enumerate((params_fwd, params_bwd)):
        xp = torch.einsum("ntd,gd->ntg", x, W_ih) + (b_ih + b_hh)
        h, c = h0[d], c0[d]
        states = [None] * T
        for t in (range(T - 1, -1, -1) if d else range(T)):
            i, f, g, o = (xp[:, t] + torch.einsum("nk,gk->ng", h, W_hh)).view(N, 4, H).unbind(1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            states[t] = h
        halves.append(torch.stack(states, 1))
    return torch.cat(halves, -1)
