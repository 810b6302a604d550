# expect: pass
"""One example at a time with 1-D vectors: W @ v products, np.outer for the weight gradients."""

import numpy as np


def _sig(a):
    return 1.0 / (1.0 + np.exp(-a))


def _step(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[0]
    gi = W_ih @ x + b_ih
    gh = W_hh @ h + b_hh
    r = _sig(gi[:H] + gh[:H])
    z = _sig(gi[H:2 * H] + gh[H:2 * H])
    n = np.tanh(gi[2 * H:] + r * gh[2 * H:])
    return (1 - z) * n + z * h, (r, z, n, gh[2 * H:])


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return np.array([_step(x[i], h_prev[i], W_ih, W_hh, b_ih, b_hh)[0] for i in range(x.shape[0])])


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    N, T, _ = x.shape
    out = np.zeros((N, T, h0.shape[1]))
    for i in range(N):
        h = h0[i]
        for t in range(T):
            h = _step(x[i, t], h, W_ih, W_hh, b_ih, b_hh)[0]
            out[i, t] = h
    return out, out[:, -1].copy()


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    N, T, _ = x.shape
    H = h0.shape[1]
    grads = {"x": np.zeros(x.shape), "h0": np.zeros(h0.shape), "W_ih": np.zeros(W_ih.shape),
             "W_hh": np.zeros(W_hh.shape), "b_ih": np.zeros(b_ih.shape), "b_hh": np.zeros(b_hh.shape)}
    for i in range(N):
        hs, saved = [h0[i]], []
        for t in range(T):
            h, s = _step(x[i, t], hs[-1], W_ih, W_hh, b_ih, b_hh)
            hs.append(h)
            saved.append(s)
        dh_next = np.zeros(H)
        for t in range(T - 1, -1, -1):
            r, z, n, hn = saved[t]
            dh = dout[i, t] + dh_next
            a_n = dh * (1 - z) * (1 - n ** 2)
            a_z = dh * (hs[t] - n) * z * (1 - z)
            a_r = a_n * hn * r * (1 - r)
            gi = np.concatenate([a_r, a_z, a_n])
            gh = np.concatenate([a_r, a_z, a_n * r])
            grads["W_ih"] += np.outer(gi, x[i, t])
            grads["W_hh"] += np.outer(gh, hs[t])
            grads["b_ih"] += gi
            grads["b_hh"] += gh
            grads["x"][i, t] = W_ih.T @ gi
            dh_next = dh * z + W_hh.T @ gh
        grads["h0"][i] = dh_next
    return grads
