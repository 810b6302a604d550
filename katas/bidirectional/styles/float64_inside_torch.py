# expect: pass
"""Works in float64, both directions stepped together, and casts back to x's dtype at the end."""

import torch


def _sigmoid(z):
    return 1 / (1 + torch.exp(-z))


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    x64 = x.double()
    (Wf, Uf, bf), (Wb, Ub, bb) = [[p.double() for p in ps] for ps in (params_fwd, params_bwd)]
    hf, hb = h0_fwd.double(), h0_bwd.double()
    T = x.shape[1]
    fwd, bwd = [], []
    for k in range(T):
        hf = torch.tanh(x64[:, k] @ Wf + hf @ Uf + bf)
        hb = torch.tanh(x64[:, T - 1 - k] @ Wb + hb @ Ub + bb)
        fwd.append(hf)
        bwd.insert(0, hb)  # the backward state of position T-1-k goes in front
    return torch.cat([torch.stack(fwd, 1), torch.stack(bwd, 1)], 2).to(x.dtype)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    x64 = x.double()
    H = h0.shape[-1]
    T = x.shape[1]
    halves = []
    for d, params in enumerate((params_fwd, params_bwd)):
        W_ih, W_hh, b_ih, b_hh = (p.double() for p in params)
        h, c = h0[d].double(), c0[d].double()
        hs = {}
        for t in (range(T) if d == 0 else range(T)[::-1]):
            z = x64[:, t] @ W_ih.T + h @ W_hh.T + b_ih + b_hh
            i, f, o = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H]), _sigmoid(z[:, 3 * H:])
            c = f * c + i * torch.tanh(z[:, 2 * H:3 * H])
            h = o * torch.tanh(c)
            hs[t] = h
        halves.append(torch.stack([hs[t] for t in range(T)], 1))
    return torch.cat(halves, -1).to(x.dtype)
