# expect: pass
"""Gates as an explicit axis of size 4 (reshape to (..., 4, H)), einsum everywhere, stable sigmoid."""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _acts(a):
    a = a.reshape(*a.shape[:-1], 4, -1)
    return _sigmoid(a[..., 0, :]), _sigmoid(a[..., 1, :]), np.tanh(a[..., 2, :]), _sigmoid(a[..., 3, :])


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    a = np.einsum("...d,gd->...g", x, W_ih) + np.einsum("...h,gh->...g", h_prev, W_hh) + b_ih + b_hh
    i, f, g, o = _acts(a)
    c = f * c_prev + i * g
    return o * np.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    hs, h, c = [], h0, c0
    for t in range(x.shape[1]):
        h, c = lstm_cell(x[:, t], h, c, W_ih, W_hh, b_ih, b_hh)
        hs.append(h)
    return np.stack(hs, 1), h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    T = x.shape[1]
    hs, cs, acts = [h0], [c0], []
    for t in range(T):
        a = np.einsum("nd,gd->ng", x[:, t], W_ih) + np.einsum("nh,gh->ng", hs[-1], W_hh) + b_ih + b_hh
        i, f, g, o = _acts(a)
        acts.append((i, f, g, o))
        cs.append(f * cs[-1] + i * g)
        hs.append(o * np.tanh(cs[-1]))
    dA = np.empty((x.shape[0], T, W_ih.shape[0]))
    dh_next, dc_next = np.zeros_like(h0), np.zeros_like(c0)
    for t in reversed(range(T)):
        i, f, g, o = acts[t]
        tc = np.tanh(cs[t + 1])
        dh = dout[:, t] + dh_next
        dc = dh * o * (1 - tc ** 2) + dc_next
        dA[:, t] = np.concatenate([dc * g * i * (1 - i), dc * cs[t] * f * (1 - f), dc * i * (1 - g ** 2),
                                   dh * tc * o * (1 - o)], axis=1)
        dh_next = np.einsum("ng,gh->nh", dA[:, t], W_hh)
        dc_next = dc * f
    h_prev = np.stack(hs[:-1], 1)
    db = np.einsum("ntg->g", dA)
    return {"x": np.einsum("ntg,gd->ntd", dA, W_ih), "h0": dh_next, "c0": dc_next,
            "W_ih": np.einsum("ntg,ntd->gd", dA, x), "W_hh": np.einsum("ntg,nth->gh", dA, h_prev),
            "b_ih": db, "b_hh": db.copy()}
