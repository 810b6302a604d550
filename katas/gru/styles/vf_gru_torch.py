# expect: forbidden
"""torch._VF.gru_cell and torch._VF.gru, the C bindings nn.GRUCell and nn.GRU call."""

import torch


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return torch._VF.gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh)


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    out, h = torch._VF.gru(x, h0[None], [W_ih, W_hh, b_ih, b_hh], True, 1, 0.0, False, False, True)
    return out, h[0]


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    raise NotImplementedError
