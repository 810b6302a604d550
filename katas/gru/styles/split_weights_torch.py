# expect: pass
"""Weights split into nine named matrices; backward builds the 3H-row gradients with torch.cat of per-gate outer-product sums via bmm."""

import torch


def _parts(a, H):
    return a.split(H, dim=0)


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[-1]
    (W_ir, W_iz, W_in), (W_hr, W_hz, W_hn) = _parts(W_ih, H), _parts(W_hh, H)
    (b_ir, b_iz, b_in), (b_hr, b_hz, b_hn) = _parts(b_ih, H), _parts(b_hh, H)
    r = torch.sigmoid(x @ W_ir.T + b_ir + h_prev @ W_hr.T + b_hr)
    z = torch.sigmoid(x @ W_iz.T + b_iz + h_prev @ W_hz.T + b_hz)
    n = torch.tanh(x @ W_in.T + b_in + r * (h_prev @ W_hn.T + b_hn))
    return (1 - z) * n + z * h_prev


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    out = []
    h = h0
    for t in range(x.size(1)):
        h = gru_cell(x[:, t], h, W_ih, W_hh, b_ih, b_hh)
        out.append(h.unsqueeze(1))
    return torch.cat(out, dim=1), h


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    H = h0.shape[-1]
    T = x.size(1)
    (W_ir, W_iz, W_in), (W_hr, W_hz, W_hn) = _parts(W_ih, H), _parts(W_hh, H)
    (b_ir, b_iz, b_in), (b_hr, b_hz, b_hn) = _parts(b_ih, H), _parts(b_hh, H)
    prev, gates = [], []
    h = h0
    for t in range(T):
        r = torch.sigmoid(x[:, t] @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
        z = torch.sigmoid(x[:, t] @ W_iz.T + b_iz + h @ W_hz.T + b_hz)
        u = h @ W_hn.T + b_hn
        n = torch.tanh(x[:, t] @ W_in.T + b_in + r * u)
        prev.append(h)
        gates.append((r, z, n, u))
        h = (1 - z) * n + z * h
    dgi_steps, dgh_steps = [None] * T, [None] * T
    dx = torch.empty_like(x)
    dh = torch.zeros_like(h0)
    for t in reversed(range(T)):
        r, z, n, u = gates[t]
        dh = dh + dout[:, t]
        a_n = dh * (1 - z) * (1 - n * n)
        a_z = dh * (prev[t] - n) * z * (1 - z)
        a_r = a_n * u * r * (1 - r)
        dx[:, t] = a_r @ W_ir + a_z @ W_iz + a_n @ W_in
        dgi_steps[t] = torch.cat([a_r, a_z, a_n], 1)
        dgh_steps[t] = torch.cat([a_r, a_z, a_n * r], 1)
        dh = dh * z + a_r @ W_hr + a_z @ W_hz + (a_n * r) @ W_hn
    dgi = torch.stack(dgi_steps)                      # (T, N, 3H)
    dgh = torch.stack(dgh_steps)
    H_prev = torch.stack(prev)                        # (T, N, H)
    X = x.transpose(0, 1)                             # (T, N, D)
    return {
        "x": dx,
        "h0": dh,
        "W_ih": torch.bmm(dgi.transpose(1, 2), X).sum(0),
        "W_hh": torch.bmm(dgh.transpose(1, 2), H_prev).sum(0),
        "b_ih": dgi.sum(dim=(0, 1)),
        "b_hh": dgh.sum(dim=(0, 1)),
    }
