# expect: fail as dtype-hard-coded
"""WRONG: preallocates the output as float32; the NumPy track returns float64."""

import numpy as np


def _sig(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0_fwd.shape[1]
    out = np.zeros((N, T, 2 * H), dtype=np.float32)
    for d, (h, (Wx, Wh, b)) in enumerate(((h0_fwd, params_fwd), (h0_bwd, params_bwd))):
        for t in (range(T) if d == 0 else range(T - 1, -1, -1)):
            h = np.tanh(x[:, t] @ Wx + h @ Wh + b)
            out[:, t, d * H:(d + 1) * H] = h
    return out


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0.shape[2]
    out = np.zeros((N, T, 2 * H), dtype=np.float32)
    for d, (W_ih, W_hh, b_ih, b_hh) in enumerate((params_fwd, params_bwd)):
        h, c = h0[d], c0[d]
        for t in (range(T) if d == 0 else range(T - 1, -1, -1)):
            z = x[:, t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh
            c = _sig(z[:, H:2 * H]) * c + _sig(z[:, :H]) * np.tanh(z[:, 2 * H:3 * H])
            h = _sig(z[:, 3 * H:]) * np.tanh(c)
            out[:, t, d * H:(d + 1) * H] = h
    return out
