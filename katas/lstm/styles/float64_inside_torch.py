# expect: pass
"""Computes in float64 with a time-major layout and casts back to the input's dtype at the end."""

import torch


def _step(x, h, c, W_ih, W_hh, b):
    a = x @ W_ih.T + h @ W_hh.T + b
    H = h.shape[-1]
    i = torch.sigmoid(a[..., :H])
    f = torch.sigmoid(a[..., H:2 * H])
    g = torch.tanh(a[..., 2 * H:3 * H])
    o = torch.sigmoid(a[..., 3 * H:])
    c = f * c + i * g
    return o * torch.tanh(c), c, (i, f, g, o)


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    d = torch.float64
    h, c, _ = _step(x.to(d), h_prev.to(d), c_prev.to(d), W_ih.to(d), W_hh.to(d), (b_ih + b_hh).to(d))
    return h.to(x.dtype), c.to(x.dtype)


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    d = torch.float64
    xs = x.to(d).transpose(0, 1)
    h, c = h0.to(d), c0.to(d)
    out = []
    for x_t in xs:
        h, c, _ = _step(x_t, h, c, W_ih.to(d), W_hh.to(d), (b_ih + b_hh).to(d))
        out.append(h)
    return torch.stack(out).transpose(0, 1).to(x.dtype), h.to(x.dtype), c.to(x.dtype)


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    d = torch.float64
    xs, douts = x.to(d).transpose(0, 1), dout.to(d).transpose(0, 1)
    W_ih64, W_hh64, b = W_ih.to(d), W_hh.to(d), (b_ih + b_hh).to(d)
    h, c = h0.to(d), c0.to(d)
    tape = []
    for x_t in xs:
        h_new, c_new, gates = _step(x_t, h, c, W_ih64, W_hh64, b)
        tape.append((x_t, h, c, c_new, gates))
        h, c = h_new, c_new
    dx = torch.empty_like(xs)
    dW_ih, dW_hh = torch.zeros_like(W_ih64), torch.zeros_like(W_hh64)
    dh, dc = torch.zeros_like(h), torch.zeros_like(c)
    db = torch.zeros_like(b)
    for t in reversed(range(len(tape))):
        x_t, h_prev, c_prev, c_new, (i, f, g, o) = tape[t]
        dh = dh + douts[t]
        tc = torch.tanh(c_new)
        dc = dc + dh * o * (1 - tc ** 2)
        da = torch.cat([dc * g * i * (1 - i), dc * c_prev * f * (1 - f), dc * i * (1 - g ** 2),
                        dh * tc * o * (1 - o)], -1)
        dx[t] = da @ W_ih64
        dW_ih += da.T @ x_t
        dW_hh += da.T @ h_prev
        db += da.sum(0)
        dh, dc = da @ W_hh64, dc * f
    back = x.dtype
    return {"x": dx.transpose(0, 1).to(back), "h0": dh.to(back), "c0": dc.to(back), "W_ih": dW_ih.to(back),
            "W_hh": dW_hh.to(back), "b_ih": db.to(back), "b_hh": db.to(back)}
