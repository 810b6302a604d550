"""Reference: a GRU cell, a GRU layer and its backward pass through time, in PyTorch (no autograd).

Weights follow torch.nn.GRU: W_ih (3H, D), W_hh (3H, H), b_ih and b_hh (3H,),
each stacked as the blocks r, z, n.
"""

import torch


def _step(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """One step: the new state and what the backward pass needs from it."""
    gi = x @ W_ih.T + b_ih
    gh = h_prev @ W_hh.T + b_hh
    i_r, i_z, i_n = gi.chunk(3, dim=1)
    h_r, h_z, hn = gh.chunk(3, dim=1)  # hn = W_hn h + b_hn: the reset gate scales it as a whole
    r = 1.0 / (1.0 + torch.exp(-(i_r + h_r)))
    z = 1.0 / (1.0 + torch.exp(-(i_z + h_z)))
    n = torch.tanh(i_n + r * hn)
    h = (1.0 - z) * n + z * h_prev
    return h, (r, z, n, hn)


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return _step(x, h_prev, W_ih, W_hh, b_ih, b_hh)[0]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    h, out = h0, []
    for t in range(x.shape[1]):
        h = gru_cell(x[:, t], h, W_ih, W_hh, b_ih, b_hh)
        out.append(h)
    return torch.stack(out, dim=1), h


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    """Gradients of sum(out * dout), out being gru_forward's first output."""
    T = x.shape[1]
    hs, steps = [h0], []
    for t in range(T):
        h, saved = _step(x[:, t], hs[-1], W_ih, W_hh, b_ih, b_hh)
        hs.append(h)
        steps.append(saved)

    dx = torch.zeros_like(x)
    dW_ih, dW_hh = torch.zeros_like(W_ih), torch.zeros_like(W_hh)
    db_ih, db_hh = torch.zeros_like(b_ih), torch.zeros_like(b_hh)
    dh_next = torch.zeros_like(h0)
    for t in reversed(range(T)):
        r, z, n, hn = steps[t]
        h_prev = hs[t]
        dh = dout[:, t] + dh_next  # this step's own gradient plus the one carried back
        dn_pre = dh * (1.0 - z) * (1.0 - n * n)
        dz_pre = dh * (h_prev - n) * z * (1.0 - z)
        dr_pre = dn_pre * hn * r * (1.0 - r)
        dgi = torch.cat([dr_pre, dz_pre, dn_pre], dim=1)
        dgh = torch.cat([dr_pre, dz_pre, dn_pre * r], dim=1)
        dW_ih += dgi.T @ x[:, t]
        dW_hh += dgh.T @ h_prev
        db_ih += dgi.sum(dim=0)
        db_hh += dgh.sum(dim=0)
        dx[:, t] = dgi @ W_ih
        dh_next = dh * z + dgh @ W_hh
    return {"x": dx, "h0": dh_next, "W_ih": dW_ih, "W_hh": dW_hh, "b_ih": db_ih, "b_hh": db_hh}
