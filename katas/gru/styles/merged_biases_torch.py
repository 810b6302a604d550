# expect: fail as b-hn-outside-reset
"""Both biases summed up front as in an LSTM, so b_hn sits outside the reset gate; the backward is right for that forward."""

import torch
import torch.nn.functional as F


def _step(x, h, W_ih, W_hh, b_ih, b_hh):
    i_r, i_z, i_n = F.linear(x, W_ih, b_ih + b_hh).chunk(3, dim=-1)
    h_r, h_z, h_n = F.linear(h, W_hh).chunk(3, dim=-1)
    r = torch.sigmoid(i_r + h_r)
    z = torch.sigmoid(i_z + h_z)
    n = torch.tanh(i_n + r * h_n)
    return torch.lerp(n, h, z), (r, z, n, h_n)      # n + z * (h - n)


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return _step(x, h_prev, W_ih, W_hh, b_ih, b_hh)[0]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    outs, h = [], h0
    for x_t in x.unbind(1):
        h = gru_cell(x_t, h, W_ih, W_hh, b_ih, b_hh)
        outs.append(h)
    return torch.stack(outs, 1), h


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    hs, cache = [h0], []
    for x_t in x.unbind(1):
        h, c = _step(x_t, hs[-1], W_ih, W_hh, b_ih, b_hh)
        hs.append(h)
        cache.append(c)
    dW_ih, dW_hh = torch.zeros_like(W_ih), torch.zeros_like(W_hh)
    db_ih, db_hh = torch.zeros_like(b_ih), torch.zeros_like(b_hh)
    dxs = []
    dh_next = torch.zeros_like(h0)
    for t in range(x.shape[1] - 1, -1, -1):
        r, z, n, h_n = cache[t]
        dh = dout[:, t] + dh_next
        da_n = dh * (1 - z) * (1 - n.pow(2))
        da_z = dh * (hs[t] - n) * z * (1 - z)
        da_r = da_n * h_n * r * (1 - r)
        dgi = torch.cat((da_r, da_z, da_n), -1)
        dgh = torch.cat((da_r, da_z, da_n * r), -1)
        dW_ih = dW_ih + dgi.t() @ x[:, t]
        dW_hh = dW_hh + dgh.t() @ hs[t]
        db_ih = db_ih + dgi.sum(0)
        db_hh = db_hh + dgi.sum(0)  # b_hh enters exactly where b_ih does
        dxs.append(dgi @ W_ih)
        dh_next = dh * z + dgh @ W_hh
    return dict(x=torch.stack(dxs[::-1], 1), h0=dh_next, W_ih=dW_ih, W_hh=dW_hh, b_ih=db_ih, b_hh=db_hh)
