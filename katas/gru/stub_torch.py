"""GRU cell, layer and backward pass (torch track). Replace each `raise` with your code."""

import torch


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """One step of torch.nn.GRUCell.

    x: (N, D), h_prev: (N, H); float32 tensors on any device.
    W_ih: (3H, D), W_hh: (3H, H), b_ih, b_hh: (3H,), each stacked as the
    blocks r, z, n (reset, update, new), as in nn.GRUCell.
        r = sigmoid(x W_ir^T + b_ir + h W_hr^T + b_hr)
        z = sigmoid(x W_iz^T + b_iz + h W_hz^T + b_hz)
        n = tanh(x W_in^T + b_in + r * (h W_hn^T + b_hn))
        h_new = (1 - z) * n + z * h_prev
    Returns h_new: (N, H). nn.GRUCell and torch.gru_cell are not allowed.
    """
    raise NotImplementedError


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    """A one-layer GRU over a batch of sequences, as nn.GRU(batch_first=True).

    x: (N, T, D), h0: (N, H), weights as in gru_cell.
    Returns (out, h_n): out (N, T, H) holds the state after each step,
    h_n (N, H) the last one. nn.GRU and torch.gru are not allowed.
    """
    raise NotImplementedError


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    """Backpropagation through time, by hand.

    dout: (N, T, H), the gradient arriving at gru_forward's out.
    Returns the gradients of the scalar sum(out * dout) as a dict with the
    keys "x", "h0", "W_ih", "W_hh", "b_ih", "b_hh", each of the shape of
    that input (tensors on x's device and dtype). Autograd (.backward(), torch.autograd,
    torch.func) is not allowed: the derivation is the exercise.
    """
    raise NotImplementedError
