# expect: pass
"""Each step multiplies [x_t, h] by the stacked matrix [W_ih | W_hh]^T; both directions in one loop over k."""

import numpy as np


def _sigmoid(z):
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))))


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0_fwd.shape[1]
    out = np.empty((N, T, 2 * H))
    hf, hb = h0_fwd, h0_bwd
    Wf = np.vstack([params_fwd[0], params_fwd[1]])
    Wb = np.vstack([params_bwd[0], params_bwd[1]])
    for k in range(T):
        t = T - 1 - k  # the backward direction's k-th step is position T-1-k
        hf = np.tanh(np.hstack([x[:, k], hf]) @ Wf + params_fwd[2])
        hb = np.tanh(np.hstack([x[:, t], hb]) @ Wb + params_bwd[2])
        out[:, k, :H] = hf
        out[:, t, H:] = hb
    return out


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0.shape[2]
    out = np.empty((N, T, 2 * H))
    W = [np.hstack([p[0], p[1]]).T for p in (params_fwd, params_bwd)]
    b = [p[2] + p[3] for p in (params_fwd, params_bwd)]
    h, c = list(h0), list(c0)
    for k in range(T):
        for d, t in ((0, k), (1, T - 1 - k)):
            z = np.hstack([x[:, t], h[d]]) @ W[d] + b[d]
            gates = _sigmoid(z)
            c[d] = gates[:, H:2 * H] * c[d] + gates[:, :H] * np.tanh(z[:, 2 * H:3 * H])
            h[d] = gates[:, 3 * H:] * np.tanh(c[d])
            out[:, t, d * H:(d + 1) * H] = h[d]
    return out
