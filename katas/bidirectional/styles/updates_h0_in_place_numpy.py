# expect: fail as input-modified
"""WRONG: uses the caller's h0 arrays as the running state and overwrites them with h[:] = ..."""

import numpy as np


def _sig(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    halves = []
    for h, (Wx, Wh, b), steps in ((h0_fwd, params_fwd, range(T)), (h0_bwd, params_bwd, range(T - 1, -1, -1))):
        hs = [None] * T
        for t in steps:
            h[:] = np.tanh(x[:, t] @ Wx + h @ Wh + b)  # writes into the caller's array
            hs[t] = h.copy()
        halves.append(np.stack(hs, 1))
    return np.concatenate(halves, -1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    T = x.shape[1]
    H = h0.shape[2]
    halves = []
    for d, (W_ih, W_hh, b_ih, b_hh) in enumerate((params_fwd, params_bwd)):
        h, c = h0[d], c0[d]  # views into the caller's arrays
        hs = [None] * T
        for t in (range(T) if d == 0 else range(T - 1, -1, -1)):
            z = x[:, t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh
            c[:] = _sig(z[:, H:2 * H]) * c + _sig(z[:, :H]) * np.tanh(z[:, 2 * H:3 * H])
            h[:] = _sig(z[:, 3 * H:]) * np.tanh(c)
            hs[t] = h.copy()
        halves.append(np.stack(hs, 1))
    return np.concatenate(halves, -1)
