"""An LSTM in NumPy, in nn.LSTM's weight layout. Replace each `raise` with your code."""

import numpy as np


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    """One step of nn.LSTMCell.

    x: (N, D); h_prev, c_prev: (N, H). A single example without the batch
    axis, x (D,) with h_prev and c_prev (H,), must work too.
    W_ih: (4H, D), W_hh: (4H, H), b_ih, b_hh: (4H,), rows stacked as the
    gates i, f, g, o. With a = x W_ih^T + b_ih + h_prev W_hh^T + b_hh:
    i, f, o = sigmoid of their blocks, g = tanh of its block,
    c = f * c_prev + i * g, h = o * tanh(c).
    Returns (h, c), float64 arrays shaped like h_prev.
    """
    raise NotImplementedError


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    """nn.LSTM(batch_first=True), one layer, one direction, over a whole sequence.

    x: (N, T, D); h0, c0: (N, H); weights as in lstm_cell.
    Returns (out, h_n, c_n): out (N, T, H) holds h after every step;
    h_n and c_n (N, H) are the states after the last step.
    """
    raise NotImplementedError


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    """Gradients of sum(out * dout), out = lstm_forward(x, h0, c0, ...)[0], by hand.

    dout: (N, T, H). Returns a dict with keys "x", "h0", "c0", "W_ih",
    "W_hh", "b_ih", "b_hh", each an array shaped like that argument.
    """
    raise NotImplementedError
