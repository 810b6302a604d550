# expect: fail like hidden-grad-via-input-weights
"""A correct forward; a backward that swaps z and 1 - z and carries h_prev's gradient through W_ih (runs only when D == H)."""

import numpy as np


def _sig(a):
    return 1.0 / (1.0 + np.exp(-a))


def _forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    H = h0.shape[1]
    hs, cache = [h0], []
    for t in range(x.shape[1]):
        gi = x[:, t] @ W_ih.T + b_ih
        gh = hs[-1] @ W_hh.T + b_hh
        r = _sig(gi[:, :H] + gh[:, :H])
        z = _sig(gi[:, H:2 * H] + gh[:, H:2 * H])
        n = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
        hs.append((1 - z) * n + z * hs[-1])
        cache.append((r, z, n, gh[:, 2 * H:]))
    return hs, cache


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return _forward(x[:, None], h_prev, W_ih, W_hh, b_ih, b_hh)[0][1]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    hs, _ = _forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    return np.stack(hs[1:], axis=1), hs[-1]


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    hs, cache = _forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    g = {"x": np.zeros_like(x), "W_ih": np.zeros_like(W_ih), "W_hh": np.zeros_like(W_hh),
         "b_ih": np.zeros_like(b_ih), "b_hh": np.zeros_like(b_hh)}
    dh_next = np.zeros_like(h0)
    for t in reversed(range(x.shape[1])):
        r, z, n, hn = cache[t]
        dh = dout[:, t] + dh_next
        dz = dh * (n - hs[t])
        dn = dh * z
        a_n = dn * (1 - n ** 2)
        a_z = dz * z * (1 - z)
        a_r = a_n * hn * r * (1 - r)
        dgi = np.concatenate([a_r, a_z, a_n], 1)
        dgh = np.concatenate([a_r, a_z, a_n * r], 1)
        g["W_ih"] += dgi.T @ x[:, t]
        g["W_hh"] += dgh.T @ hs[t]
        g["b_ih"] += dgi.sum(0)
        g["b_hh"] += dgh.sum(0)
        g["x"][:, t] = dgi @ W_ih
        dh_next = dh * (1 - z) + dgi @ W_ih
    g["h0"] = dh_next
    return g
