# expect: fail
"""WRONG: tanh on the output gate where nn.LSTM has a sigmoid (the RNN half is right)."""

import numpy as np


def _sig(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _rnn(x, h, Wx, Wh, b, steps):
    hs = [None] * x.shape[1]
    for t in steps:
        h = np.tanh(x[:, t] @ Wx + h @ Wh + b)
        hs[t] = h
    return np.stack(hs, axis=1)


def _lstm(x, h, c, W_ih, W_hh, b_ih, b_hh, steps):
    H = h.shape[1]
    hs = [None] * x.shape[1]
    for t in steps:
        z = x[:, t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh
        c = _sig(z[:, H:2 * H]) * c + _sig(z[:, :H]) * np.tanh(z[:, 2 * H:3 * H])
        h = np.tanh(z[:, 3 * H:]) * np.tanh(c)  # the output gate must be a sigmoid in [0, 1]
        hs[t] = h
    return np.stack(hs, axis=1)


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    return np.concatenate([_rnn(x, h0_fwd, *params_fwd, range(T)),
                           _rnn(x, h0_bwd, *params_bwd, range(T - 1, -1, -1))], axis=-1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    T = x.shape[1]
    return np.concatenate([_lstm(x, h0[0], c0[0], *params_fwd, range(T)),
                           _lstm(x, h0[1], c0[1], *params_bwd, range(T - 1, -1, -1))], axis=-1)
