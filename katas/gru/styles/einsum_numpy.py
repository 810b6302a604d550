# expect: pass
"""Products by einsum, all gate activations saved in (T, N, 3H) arrays, h written as n + z * (h_prev - n)."""

import numpy as np


def _sigmoid(a):
    return np.exp(-np.logaddexp(0.0, -a))


def _run(x, h0, W_ih, W_hh, b_ih, b_hh):
    N, T, _ = x.shape
    H = h0.shape[1]
    gi = np.einsum("ntd,gd->tng", x, W_ih) + b_ih      # every step's input part at once
    hs = np.empty((T + 1, N, H))
    gates = np.empty((T, N, 3 * H))
    hns = np.empty((T, N, H))
    hs[0] = h0
    for t in range(T):
        gh = np.einsum("nh,gh->ng", hs[t], W_hh) + b_hh
        rz = _sigmoid(gi[t, :, :2 * H] + gh[:, :2 * H])
        r, z = rz[:, :H], rz[:, H:]
        n = np.tanh(gi[t, :, 2 * H:] + r * gh[:, 2 * H:])
        hs[t + 1] = n + z * (hs[t] - n)
        gates[t] = np.concatenate([r, z, n], axis=1)
        hns[t] = gh[:, 2 * H:]
    return hs, gates, hns


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return _run(x[:, None, :], h_prev, W_ih, W_hh, b_ih, b_hh)[0][1]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    hs = _run(x, h0, W_ih, W_hh, b_ih, b_hh)[0]
    out = np.einsum("tnh->nth", hs[1:])
    return out, hs[-1].copy()


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    hs, gates, hns = _run(x, h0, W_ih, W_hh, b_ih, b_hh)
    T, N, H = hns.shape
    dgi = np.empty((T, N, 3 * H))
    dgh = np.empty((T, N, 3 * H))
    carry = np.zeros((N, H))
    for t in reversed(range(T)):
        r, z, n = np.split(gates[t], 3, axis=1)
        dh = dout[:, t] + carry
        a_n = dh * (1 - z) * (1 - n * n)
        a_z = dh * (hs[t] - n) * z * (1 - z)
        a_r = a_n * hns[t] * r * (1 - r)
        dgi[t] = np.concatenate([a_r, a_z, a_n], axis=1)
        dgh[t] = np.concatenate([a_r, a_z, a_n * r], axis=1)
        carry = dh * z + np.einsum("ng,gh->nh", dgh[t], W_hh)
    return {
        "x": np.einsum("tng,gd->ntd", dgi, W_ih),
        "h0": carry,
        "W_ih": np.einsum("tng,ntd->gd", dgi, x),
        "W_hh": np.einsum("tng,tnh->gh", dgh, hs[:-1]),
        "b_ih": dgi.sum(axis=(0, 1)),
        "b_hh": dgh.sum(axis=(0, 1)),
    }
