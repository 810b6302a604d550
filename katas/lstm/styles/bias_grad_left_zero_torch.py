# expect: fail
"""Returns a zero gradient for b_hh, reasoning that only b_ih is a real parameter."""

import torch


def _acts(a):
    i, f, g, o = a.chunk(4, -1)
    return torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    i, f, g, o = _acts(x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh)
    c = f * c_prev + i * g
    return o * torch.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    h, c, out = h0, c0, []
    for t in range(x.shape[1]):
        h, c = lstm_cell(x[:, t], h, c, W_ih, W_hh, b_ih, b_hh)
        out.append(h)
    return torch.stack(out, 1), h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    T = x.shape[1]
    hs, cs, gs = [h0], [c0], []
    for t in range(T):
        i, f, g, o = _acts(x[:, t] @ W_ih.T + b_ih + hs[-1] @ W_hh.T + b_hh)
        gs.append((i, f, g, o))
        cs.append(f * cs[-1] + i * g)
        hs.append(o * torch.tanh(cs[-1]))
    dx = torch.zeros_like(x)
    dW_ih, dW_hh, db = torch.zeros_like(W_ih), torch.zeros_like(W_hh), torch.zeros_like(b_ih)
    dh_next, dc_next = torch.zeros_like(h0), torch.zeros_like(c0)
    for t in reversed(range(T)):
        i, f, g, o = gs[t]
        tc = torch.tanh(cs[t + 1])
        dh = dout[:, t] + dh_next
        dc = dc_next + dh * o * (1 - tc ** 2)
        da = torch.cat([dc * g * i * (1 - i), dc * cs[t] * f * (1 - f), dc * i * (1 - g ** 2),
                        dh * tc * o * (1 - o)], -1)
        dx[:, t] = da @ W_ih
        dW_ih += da.T @ x[:, t]
        dW_hh += da.T @ hs[t]
        db += da.sum(0)
        dh_next, dc_next = da @ W_hh, dc * f
    return {"x": dx, "h0": dh_next, "c0": dc_next, "W_ih": dW_ih, "W_hh": dW_hh, "b_ih": db,
            "b_hh": torch.zeros_like(b_hh)}
