# expect: pass
"""One sequence at a time, one step at a time; the backward pass writes each state at its own index."""

import numpy as np


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0_fwd.shape[1]
    out = np.zeros((N, T, 2 * H))
    for n in range(N):
        Wx, Wh, b = params_fwd
        h = h0_fwd[n]
        for t in range(T):
            h = np.tanh(x[n, t] @ Wx + h @ Wh + b)
            out[n, t, :H] = h
        Wx, Wh, b = params_bwd
        h = h0_bwd[n]
        for t in range(T - 1, -1, -1):
            h = np.tanh(x[n, t] @ Wx + h @ Wh + b)
            out[n, t, H:] = h
    return out


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0.shape[2]
    out = np.zeros((N, T, 2 * H))
    for d, (params, steps) in enumerate([(params_fwd, range(T)), (params_bwd, range(T - 1, -1, -1))]):
        W_ih, W_hh, b_ih, b_hh = params
        for n in range(N):
            h, c = h0[d, n], c0[d, n]
            for t in steps:
                z = W_ih @ x[n, t] + b_ih + W_hh @ h + b_hh
                i, f, g, o = _sig(z[:H]), _sig(z[H:2 * H]), np.tanh(z[2 * H:3 * H]), _sig(z[3 * H:])
                c = f * c + i * g
                h = o * np.tanh(c)
                out[n, t, d * H:(d + 1) * H] = h
    return out
