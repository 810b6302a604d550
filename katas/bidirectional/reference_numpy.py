"""Reference: a bidirectional tanh RNN and a bidirectional LSTM in NumPy."""

import numpy as np


def _sigmoid(z):
    # 1 / (1 + exp(-z)) overflows in exp for z below about -709; this form cannot.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _rnn_direction(x, h, Wx, Wh, b, steps):
    xw = x @ Wx + b  # the input part of every step at once
    hs = np.empty(x.shape[:2] + (Wh.shape[0],))
    for t in steps:
        h = np.tanh(xw[:, t] + h @ Wh)
        hs[:, t] = h  # stored at the step it belongs to, whichever way the pass runs
    return hs


def _lstm_direction(x, h, c, W_ih, W_hh, b_ih, b_hh, steps):
    H = W_hh.shape[1]
    xw = x @ W_ih.T + b_ih + b_hh
    hs = np.empty(x.shape[:2] + (H,))
    for t in steps:
        z = xw[:, t] + h @ W_hh.T
        # PyTorch's row order: input, forget, cell candidate, output.
        i, f = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H])
        g, o = np.tanh(z[:, 2 * H:3 * H]), _sigmoid(z[:, 3 * H:])
        c = f * c + i * g
        h = o * np.tanh(c)
        hs[:, t] = h
    return hs


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    fwd = _rnn_direction(x, h0_fwd, *params_fwd, range(T))
    bwd = _rnn_direction(x, h0_bwd, *params_bwd, reversed(range(T)))
    return np.concatenate([fwd, bwd], axis=-1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    T = x.shape[1]
    fwd = _lstm_direction(x, h0[0], c0[0], *params_fwd, range(T))
    bwd = _lstm_direction(x, h0[1], c0[1], *params_bwd, reversed(range(T)))
    return np.concatenate([fwd, bwd], axis=-1)
