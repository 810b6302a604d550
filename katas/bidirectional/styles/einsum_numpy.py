# expect: pass
"""einsum for every product, all input projections up front, gates through a (N, 4, H) reshape."""

import numpy as np


def _sigmoid(z):
    return np.exp(-np.logaddexp(0.0, -z))


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    halves = []
    for h, (Wx, Wh, b), order in [(h0_fwd, params_fwd, range(T)), (h0_bwd, params_bwd, range(T)[::-1])]:
        xp = np.einsum("ntd,dh->nth", x, Wx) + b
        states = {}
        for t in order:
            h = np.tanh(xp[:, t] + np.einsum("nk,kh->nh", h, Wh))
            states[t] = h
        halves.append(np.stack([states[t] for t in range(T)], axis=1))
    return np.concatenate(halves, axis=-1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    N, T, _ = x.shape
    H = h0.shape[-1]
    halves = []
    for d, (W_ih, W_hh, b_ih, b_hh) in enumerate([params_fwd, params_bwd]):
        xp = np.einsum("ntd,gd->ntg", x, W_ih) + b_ih + b_hh
        h, c = h0[d], c0[d]
        hs = np.empty((N, T, H))
        for t in (range(T) if d == 0 else range(T - 1, -1, -1)):
            z = (xp[:, t] + np.einsum("nk,gk->ng", h, W_hh)).reshape(N, 4, H)
            c = _sigmoid(z[:, 1]) * c + _sigmoid(z[:, 0]) * np.tanh(z[:, 2])
            h = _sigmoid(z[:, 3]) * np.tanh(c)
            hs[:, t] = h
        halves.append(hs)
    return np.concatenate(halves, axis=-1)
