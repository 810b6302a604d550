"""The outside oracle for bidirectional: nn.RNN and nn.LSTM with bidirectional=True.

tests/test_oracles.py holds the torch reference to the functions below in
float32 and float64, and the NumPy reference to the torch one; the README's
"The outside oracle" describes the contract.
"""

import torch
from torch import nn


def _load(module, suffix, weight_ih, weight_hh, bias_ih, bias_hh):
    with torch.no_grad():
        getattr(module, "weight_ih_l0" + suffix).copy_(weight_ih)
        getattr(module, "weight_hh_l0" + suffix).copy_(weight_hh)
        getattr(module, "bias_ih_l0" + suffix).copy_(bias_ih)
        getattr(module, "bias_hh_l0" + suffix).copy_(bias_hh)


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    D, H = params_fwd[0].shape
    rnn = nn.RNN(D, H, nonlinearity="tanh", bidirectional=True, batch_first=True).to(x.dtype)
    for suffix, (Wx, Wh, b) in [("", params_fwd), ("_reverse", params_bwd)]:
        # nn.RNN computes x W_ih^T + b_ih + h W_hh^T + b_hh: one bias is enough.
        _load(rnn, suffix, Wx.T, Wh.T, b, torch.zeros_like(b))
    with torch.no_grad():
        out, _ = rnn(x, torch.stack([h0_fwd, h0_bwd]))
    return out


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    H = params_fwd[1].shape[1]
    D = params_fwd[0].shape[1]
    lstm = nn.LSTM(D, H, bidirectional=True, batch_first=True).to(x.dtype)
    _load(lstm, "", *params_fwd)
    _load(lstm, "_reverse", *params_bwd)
    with torch.no_grad():
        out, _ = lstm(x, (h0, c0))
    return out


def _randn(g, dtype, *shape, scale=1.0):
    return torch.randn(*shape, generator=g, dtype=dtype) * scale


def rnn_params(g, dtype, D, H):
    return (_randn(g, dtype, D, H, scale=0.6), _randn(g, dtype, H, H, scale=0.5 / H ** 0.5),
            _randn(g, dtype, H, scale=0.3))


def lstm_params(g, dtype, D, H):
    return (_randn(g, dtype, 4 * H, D, scale=0.6), _randn(g, dtype, 4 * H, H, scale=0.5 / H ** 0.5),
            _randn(g, dtype, 4 * H, scale=0.3), _randn(g, dtype, 4 * H, scale=0.3))


SHAPES = [(1, 1, 1, 1), (2, 1, 3, 4), (3, 2, 2, 3), (2, 5, 3, 1), (4, 7, 3, 5), (1, 12, 2, 6)]  # N, T, D, H


def inputs(dtype):
    """(function, positional args) to hold the references to, with tensors of `dtype`."""
    g = torch.Generator().manual_seed(25)
    for N, T, D, H in SHAPES:
        x = _randn(g, dtype, N, T, D)
        yield "birnn_forward", (x, _randn(g, dtype, N, H, scale=0.5), _randn(g, dtype, N, H, scale=0.5),
                                rnn_params(g, dtype, D, H), rnn_params(g, dtype, D, H))
        yield "bilstm_forward", (x, _randn(g, dtype, 2, N, H, scale=0.5), _randn(g, dtype, 2, N, H),
                                 lstm_params(g, dtype, D, H), lstm_params(g, dtype, D, H))
