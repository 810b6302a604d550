# expect: fail
"""Reshapes the (4H, D) weights to (D, 4H) instead of transposing them: the shapes fit, the values do not."""

import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    D, H = W_ih.shape[1], W_hh.shape[1]
    a = x @ W_ih.reshape(D, 4 * H) + h_prev @ W_hh.reshape(H, 4 * H) + b_ih + b_hh
    i, f, g, o = np.split(a, 4, axis=-1)
    c = _sigmoid(f) * c_prev + _sigmoid(i) * np.tanh(g)
    return _sigmoid(o) * np.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    h, c, out = h0, c0, []
    for t in range(x.shape[1]):
        h, c = lstm_cell(x[:, t], h, c, W_ih, W_hh, b_ih, b_hh)
        out.append(h)
    return np.stack(out, axis=1), h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    raise NotImplementedError
