# expect: fail
"""WRONG: pairs every forward state with the backward cell's final state (its summary), not its state at t."""

import numpy as np


def _sig(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    hf, hb = h0_fwd, h0_bwd
    fwd = []
    for t in range(T):
        hf = np.tanh(x[:, t] @ params_fwd[0] + hf @ params_fwd[1] + params_fwd[2])
        fwd.append(hf)
    for t in reversed(range(T)):
        hb = np.tanh(x[:, t] @ params_bwd[0] + hb @ params_bwd[1] + params_bwd[2])
    return np.concatenate([np.stack(fwd, 1), np.repeat(hb[:, None], T, axis=1)], axis=-1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    T = x.shape[1]
    H = h0.shape[2]
    halves = []
    for d, (W_ih, W_hh, b_ih, b_hh) in enumerate((params_fwd, params_bwd)):
        h, c, hs = h0[d], c0[d], []
        for t in (range(T) if d == 0 else reversed(range(T))):
            z = x[:, t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh
            c = _sig(z[:, H:2 * H]) * c + _sig(z[:, :H]) * np.tanh(z[:, 2 * H:3 * H])
            h = _sig(z[:, 3 * H:]) * np.tanh(c)
            hs.append(h)
        halves.append(np.stack(hs, 1) if d == 0 else np.repeat(h[:, None], T, axis=1))
    return np.concatenate(halves, axis=-1)
