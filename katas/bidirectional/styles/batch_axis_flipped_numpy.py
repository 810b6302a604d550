# expect: fail
"""WRONG: x[::-1] reverses the batch axis, not time, so the "backward" cell reads other sequences forwards."""

import numpy as np


def _sig(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _rnn(x, h, Wx, Wh, b):
    hs = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ Wx + h @ Wh + b)
        hs.append(h)
    return np.stack(hs, axis=1)


def _lstm(x, h, c, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    hs = []
    for t in range(x.shape[1]):
        z = x[:, t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh
        c = _sig(z[:, H:2 * H]) * c + _sig(z[:, :H]) * np.tanh(z[:, 2 * H:3 * H])
        h = _sig(z[:, 3 * H:]) * np.tanh(c)
        hs.append(h)
    return np.stack(hs, axis=1)


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    bwd = _rnn(x[::-1], h0_bwd, *params_bwd)[::-1]
    return np.concatenate([_rnn(x, h0_fwd, *params_fwd), bwd], axis=-1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    bwd = _lstm(x[::-1], h0[1], c0[1], *params_bwd)[::-1]
    return np.concatenate([_lstm(x, h0[0], c0[0], *params_fwd), bwd], axis=-1)
