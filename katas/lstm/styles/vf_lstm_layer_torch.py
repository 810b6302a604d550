# expect: forbidden
"""Calls the C binding behind nn.LSTM, torch._VF.lstm, for the layer."""

import torch


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    i, f, g, o = (x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh).chunk(4, -1)
    c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    out, h, c = torch._VF.lstm(x, (h0[None], c0[None]), [W_ih, W_hh, b_ih, b_hh], True, 1, 0.0, False, False, True)
    return out, h[0], c[0]


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    raise NotImplementedError
