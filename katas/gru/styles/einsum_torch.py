# expect: pass
"""Input projections for all steps in one einsum; activations kept in preallocated (T, N, H) tensors."""

import torch


def _forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    N, T, _ = x.shape
    H = h0.shape[1]
    gi = torch.einsum("ntd,gd->tng", x, W_ih) + b_ih
    hs = x.new_empty(T + 1, N, H)
    r_all, z_all, n_all, hn_all = (x.new_empty(T, N, H) for _ in range(4))
    hs[0] = h0
    for t in range(T):
        gh = torch.einsum("nh,gh->ng", hs[t], W_hh) + b_hh
        r_all[t] = 1 / (1 + torch.exp(-(gi[t, :, :H] + gh[:, :H])))
        z_all[t] = 1 / (1 + torch.exp(-(gi[t, :, H:2 * H] + gh[:, H:2 * H])))
        hn_all[t] = gh[:, 2 * H:]
        n_all[t] = torch.tanh(gi[t, :, 2 * H:] + r_all[t] * hn_all[t])
        hs[t + 1] = (1 - z_all[t]) * n_all[t] + z_all[t] * hs[t]
    return hs, r_all, z_all, n_all, hn_all


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return _forward(x.unsqueeze(1), h_prev, W_ih, W_hh, b_ih, b_hh)[0][1]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    hs = _forward(x, h0, W_ih, W_hh, b_ih, b_hh)[0]
    return hs[1:].permute(1, 0, 2).contiguous(), hs[-1].clone()


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    hs, r, z, n, hn = _forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    T = r.shape[0]
    dgi = x.new_zeros(T, *r.shape[1:-1], 3 * r.shape[-1])
    dgh = torch.zeros_like(dgi)
    carry = torch.zeros_like(h0)
    for t in reversed(range(T)):
        dh = dout[:, t] + carry
        a_n = dh * (1 - z[t]) * (1 - n[t] * n[t])
        a_z = dh * (hs[t] - n[t]) * z[t] * (1 - z[t])
        a_r = a_n * hn[t] * r[t] * (1 - r[t])
        dgi[t] = torch.cat([a_r, a_z, a_n], 1)
        dgh[t] = torch.cat([a_r, a_z, a_n * r[t]], 1)
        carry = dh * z[t] + torch.einsum("ng,gh->nh", dgh[t], W_hh)
    return {
        "x": torch.einsum("tng,gd->ntd", dgi, W_ih),
        "h0": carry,
        "W_ih": torch.einsum("tng,ntd->gd", dgi, x),
        "W_hh": torch.einsum("tng,tnh->gh", dgh, hs[:-1]),
        "b_ih": dgi.sum((0, 1)),
        "b_hh": dgh.sum((0, 1)),
    }
