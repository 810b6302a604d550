# expect: forbidden
"""FORBIDDEN: loads the weights into nn.RNN and nn.LSTM with bidirectional=True."""

import torch
from torch import nn


def _load(module, suffix, w_ih, w_hh, b_ih, b_hh):
    with torch.no_grad():
        for name, value in zip(("weight_ih", "weight_hh", "bias_ih", "bias_hh"), (w_ih, w_hh, b_ih, b_hh)):
            getattr(module, f"{name}_l0{suffix}").copy_(value)


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    D, H = params_fwd[0].shape
    rnn = nn.RNN(D, H, batch_first=True, bidirectional=True).to(x.device, x.dtype)
    for suffix, (Wx, Wh, b) in (("", params_fwd), ("_reverse", params_bwd)):
        _load(rnn, suffix, Wx.T, Wh.T, b, torch.zeros_like(b))
    with torch.no_grad():
        return rnn(x, torch.stack([h0_fwd, h0_bwd]))[0]


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    lstm = nn.LSTM(x.shape[2], h0.shape[2], batch_first=True, bidirectional=True).to(x.device, x.dtype)
    _load(lstm, "", *params_fwd)
    _load(lstm, "_reverse", *params_bwd)
    with torch.no_grad():
        return lstm(x, (h0, c0))[0]
