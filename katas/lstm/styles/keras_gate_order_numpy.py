# expect: fail as gate-order-ifog
"""Names the four weight blocks input, forget, output, candidate, in that order."""

import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    H = W_hh.shape[1]
    a = x @ W_ih.T + h_prev @ W_hh.T + b_ih + b_hh
    input_gate = _sigmoid(a[..., :H])
    forget_gate = _sigmoid(a[..., H:2 * H])
    output_gate = _sigmoid(a[..., 2 * H:3 * H])
    candidate = np.tanh(a[..., 3 * H:])
    c = forget_gate * c_prev + input_gate * candidate
    return output_gate * np.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    h, c, out = h0, c0, []
    for t in range(x.shape[1]):
        h, c = lstm_cell(x[:, t], h, c, W_ih, W_hh, b_ih, b_hh)
        out.append(h)
    return np.stack(out, axis=1), h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    raise NotImplementedError
