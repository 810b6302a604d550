# expect: forbidden
"""Loads the weights into nn.LSTM and nn.LSTMCell and lets them do the work."""

import torch
from torch import nn


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    cell = nn.LSTMCell(W_ih.shape[1], W_hh.shape[1], device=x.device, dtype=x.dtype)
    with torch.no_grad():
        cell.weight_ih.copy_(W_ih)
        cell.weight_hh.copy_(W_hh)
        cell.bias_ih.copy_(b_ih)
        cell.bias_hh.copy_(b_hh)
        return cell(x, (h_prev, c_prev))


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    lstm = nn.LSTM(W_ih.shape[1], W_hh.shape[1], batch_first=True, device=x.device, dtype=x.dtype)
    with torch.no_grad():
        for name, w in zip(["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"], [W_ih, W_hh, b_ih, b_hh]):
            getattr(lstm, name).copy_(w)
        out, (h, c) = lstm(x, (h0[None], c0[None]))
    return out, h[0], c[0]


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    raise NotImplementedError
