# expect: fail as backward-not-reversed-back
"""WRONG: runs the backward cell on x[:, ::-1] and concatenates its states without flipping them back."""

import numpy as np
from scipy.special import expit


def _rnn(x, h, Wx, Wh, b):
    hs = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ Wx + h @ Wh + b)
        hs.append(h)
    return np.stack(hs, axis=1)


def _lstm(x, h, c, W_ih, W_hh, b_ih, b_hh):
    hs = []
    for t in range(x.shape[1]):
        i, f, g, o = np.split(x[:, t] @ W_ih.T + h @ W_hh.T + (b_ih + b_hh), 4, axis=1)
        c = expit(f) * c + expit(i) * np.tanh(g)
        h = expit(o) * np.tanh(c)
        hs.append(h)
    return np.stack(hs, axis=1)


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    fwd = _rnn(x, h0_fwd, *params_fwd)
    bwd = _rnn(x[:, ::-1], h0_bwd, *params_bwd)
    return np.concatenate((fwd, bwd), axis=2)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    fwd = _lstm(x, h0[0], c0[0], *params_fwd)
    bwd = _lstm(np.flip(x, axis=1), h0[1], c0[1], *params_bwd)
    return np.dstack([fwd, bwd])
