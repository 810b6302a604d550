# expect: pass
"""A preallocated output filled in place (a fresh tensor, never an input); reversed() over the steps."""

import torch


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0_fwd.shape[-1]
    out = x.new_empty(N, T, 2 * H)
    for (Wx, Wh, b), h, steps, half in [(params_fwd, h0_fwd, range(T), slice(0, H)),
                                        (params_bwd, h0_bwd, reversed(range(T)), slice(H, 2 * H))]:
        for t in steps:
            h = torch.tanh(torch.addmm(b, x[:, t], Wx) + torch.mm(h, Wh))
            out[:, t, half] = h
    return out


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0.shape[-1]
    out = torch.empty(N, T, 2 * H, dtype=x.dtype, device=x.device)
    for d, (W_ih, W_hh, b_ih, b_hh) in enumerate((params_fwd, params_bwd)):
        h, c = h0[d], c0[d]
        for t in (reversed(range(T)) if d else range(T)):
            z = torch.addmm(b_ih, x[:, t], W_ih.t()) + torch.addmm(b_hh, h, W_hh.t())
            gates = torch.sigmoid(z)
            c = gates[:, H:2 * H] * c + gates[:, :H] * torch.tanh(z[:, 2 * H:3 * H])
            h = gates[:, 3 * H:] * torch.tanh(c)
            out[:, t, d * H:(d + 1) * H] = h
    return out
