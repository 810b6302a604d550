# expect: forbidden
"""FORBIDDEN: the functional operators behind nn.RNN and nn.LSTM, reached through torch._VF."""

import torch


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    weights = []
    for Wx, Wh, b in (params_fwd, params_bwd):
        weights += [Wx.T.contiguous(), Wh.T.contiguous(), b, torch.zeros_like(b)]
    out, _ = torch._VF.rnn_tanh(x, torch.stack([h0_fwd, h0_bwd]), weights, True, 1, 0.0, False, True, True)
    return out


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    out, _, _ = torch._VF.lstm(x, (h0, c0), [*params_fwd, *params_bwd], True, 1, 0.0, False, True, True)
    return out
