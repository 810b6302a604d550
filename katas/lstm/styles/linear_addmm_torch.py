# expect: pass
"""F.linear for the products, the input projection done for every step at once, addmm for the
recurrent term, and torch.split by gate sizes."""

import torch
import torch.nn.functional as F


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    H = W_hh.shape[1]
    a = F.linear(x, W_ih, b_ih) + F.linear(h_prev, W_hh, b_hh)
    i, f, g, o = torch.split(a, [H, H, H, H], dim=-1)
    c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    xw = F.linear(x, W_ih, b_ih + b_hh)  # (N, T, 4H)
    h, c = h0, c0
    outs = []
    for t in range(x.shape[1]):
        a = torch.addmm(xw[:, t], h, W_hh.T)
        i, f, g, o = a.chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        outs.append(h)
    return torch.stack(outs, dim=1), h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    T = x.shape[1]
    xw = F.linear(x, W_ih, b_ih + b_hh)
    hs, cs, gs = [h0], [c0], []
    for t in range(T):
        i, f, g, o = torch.addmm(xw[:, t], hs[-1], W_hh.T).chunk(4, dim=1)
        i, f, g, o = i.sigmoid(), f.sigmoid(), g.tanh(), o.sigmoid()
        gs.append((i, f, g, o))
        cs.append(f * cs[-1] + i * g)
        hs.append(o * cs[-1].tanh())
    das = []
    dh = torch.zeros_like(h0)
    dc = torch.zeros_like(c0)
    for t in range(T - 1, -1, -1):
        i, f, g, o = gs[t]
        tc = cs[t + 1].tanh()
        dh = dh + dout[:, t]
        dc = dc + dh * o * (1 - tc ** 2)
        da = torch.cat((dc * g * i * (1 - i), dc * cs[t] * f * (1 - f), dc * i * (1 - g ** 2),
                        dh * tc * o * (1 - o)), dim=1)
        das.append(da)
        dh = da.mm(W_hh)
        dc = dc * f
    dA = torch.stack(das[::-1], dim=1)  # (N, T, 4H)
    flat = dA.reshape(-1, dA.shape[-1])
    db = flat.sum(0)
    return {"x": dA @ W_ih, "h0": dh, "c0": dc, "W_ih": flat.T @ x.reshape(-1, x.shape[-1]),
            "W_hh": flat.T @ torch.stack(hs[:-1], 1).reshape(-1, h0.shape[1]), "b_ih": db, "b_hh": db.clone()}
