# expect: pass
"""Computes in float64 on the caller's device and casts the results back to the input dtype; addmm for the products."""

import torch


def _gates(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    gi = torch.addmm(b_ih, x, W_ih.T)
    gh = torch.addmm(b_hh, h, W_hh.T)
    rz = torch.sigmoid(gi[:, :2 * H] + gh[:, :2 * H])
    r, z = rz[:, :H], rz[:, H:]
    n = torch.tanh(torch.addcmul(gi[:, 2 * H:], r, gh[:, 2 * H:]))
    return r, z, n, gh[:, 2 * H:]


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    d = [t.double() for t in (x, h_prev, W_ih, W_hh, b_ih, b_hh)]
    _, z, n, _ = _gates(*d)
    return ((1 - z) * n + z * d[1]).to(x.dtype)


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    xd, h, *p = [t.double() for t in (x, h0, W_ih, W_hh, b_ih, b_hh)]
    outs = []
    for t in range(x.shape[1]):
        _, z, n, _ = _gates(xd[:, t], h, *p)
        h = (1 - z) * n + z * h
        outs.append(h)
    return torch.stack(outs, 1).to(x.dtype), h.to(x.dtype)


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    dd, xd, h, W_ih_d, W_hh_d, b_ih_d, b_hh_d = [t.double() for t in (dout, x, h0, W_ih, W_hh, b_ih, b_hh)]
    hs, saved = [h], []
    for t in range(x.shape[1]):
        r, z, n, hn = _gates(xd[:, t], hs[-1], W_ih_d, W_hh_d, b_ih_d, b_hh_d)
        saved.append((r, z, n, hn))
        hs.append((1 - z) * n + z * hs[-1])
    g = {"x": torch.zeros_like(xd), "W_ih": torch.zeros_like(W_ih_d), "W_hh": torch.zeros_like(W_hh_d),
         "b_ih": torch.zeros_like(b_ih_d), "b_hh": torch.zeros_like(b_hh_d)}
    dh = torch.zeros_like(h)
    for t in reversed(range(x.shape[1])):
        r, z, n, hn = saved[t]
        dh = dh + dd[:, t]
        a_n = dh * (1 - z) * (1 - n * n)
        a_z = dh * (hs[t] - n) * z * (1 - z)
        a_r = a_n * hn * r * (1 - r)
        dgi = torch.cat([a_r, a_z, a_n], 1)
        dgh = torch.cat([a_r, a_z, a_n * r], 1)
        g["W_ih"] += dgi.T @ xd[:, t]
        g["W_hh"] += dgh.T @ hs[t]
        g["b_ih"] += dgi.sum(0)
        g["b_hh"] += dgh.sum(0)
        g["x"][:, t] = dgi @ W_ih_d
        dh = dh * z + dgh @ W_hh_d
    g["h0"] = dh
    return {k: g[k].to(x.dtype) for k in ("x", "h0", "W_ih", "W_hh", "b_ih", "b_hh")}
