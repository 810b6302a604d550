# expect: forbidden
"""torch._VF.lstm_cell, the binding behind nn.LSTMCell, which on CPU decomposes before dispatch."""

import torch


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    return tuple(torch._VF.lstm_cell(x, (h_prev, c_prev), W_ih, W_hh, b_ih, b_hh))


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    raise NotImplementedError


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    raise NotImplementedError
