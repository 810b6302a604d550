"""Reference: an LSTM cell, layer and its backward pass through time, in PyTorch (no autograd)."""

import torch


def _gates(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """i, f, g, o after their nonlinearities; PyTorch stacks the rows of W in that order."""
    a = x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh
    i, f, g, o = a.chunk(4, dim=-1)
    return torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    i, f, g, o = _gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    c = f * c_prev + i * g
    return o * torch.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    h, c = h0, c0
    out = []
    for t in range(x.shape[1]):
        h, c = lstm_cell(x[:, t], h, c, W_ih, W_hh, b_ih, b_hh)
        out.append(h)
    return torch.stack(out, dim=1), h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    T = x.shape[1]
    # Forward again, keeping what each step's derivatives need.
    steps = []
    h, c = h0, c0
    for t in range(T):
        i, f, g, o = _gates(x[:, t], h, W_ih, W_hh, b_ih, b_hh)
        c_next = f * c + i * g
        steps.append((h, c, i, f, g, o, torch.tanh(c_next)))
        h, c = o * steps[-1][-1], c_next

    dx = torch.zeros_like(x)
    dW_ih, dW_hh = torch.zeros_like(W_ih), torch.zeros_like(W_hh)
    db = torch.zeros_like(b_ih)
    dh_next, dc_next = torch.zeros_like(h0), torch.zeros_like(c0)
    for t in reversed(range(T)):
        h_prev, c_prev, i, f, g, o, tanh_c = steps[t]
        dh = dout[:, t] + dh_next  # from the output at t and from step t + 1
        dc = dc_next + dh * o * (1.0 - tanh_c ** 2)
        da = torch.cat([dc * g * i * (1.0 - i),
                        dc * c_prev * f * (1.0 - f),
                        dc * i * (1.0 - g ** 2),
                        dh * tanh_c * o * (1.0 - o)], dim=-1)
        dx[:, t] = da @ W_ih
        dW_ih += da.T @ x[:, t]
        dW_hh += da.T @ h_prev
        db += da.sum(dim=0)
        dh_next = da @ W_hh
        dc_next = dc * f  # the additive path: c_t = f * c_{t-1} + ...
    return {"x": dx, "h0": dh_next, "c0": dc_next, "W_ih": dW_ih, "W_hh": dW_hh,
            "b_ih": db, "b_hh": db.clone()}
