# expect: pass
"""The input projection for all steps at once (as cuDNN does), a tanh-form sigmoid, and the
weight gradients as single tensordots after the loop."""

import numpy as np


def sig(z):
    return 0.5 + 0.5 * np.tanh(0.5 * z)


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[-1]
    a = np.dot(x, W_ih.T) + np.dot(h_prev, W_hh.T) + b_ih + b_hh
    c = sig(a[..., H:2 * H]) * c_prev + sig(a[..., :H]) * np.tanh(a[..., 2 * H:3 * H])
    return sig(a[..., 3 * H:]) * np.tanh(c), c


def _run(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    N, T, _ = x.shape
    H = h0.shape[1]
    pre = np.tensordot(x, W_ih, axes=([2], [1])) + b_ih + b_hh  # (N, T, 4H)
    hs = np.empty((N, T + 1, H))
    cs = np.empty((N, T + 1, H))
    acts = np.empty((N, T, 4 * H))
    hs[:, 0], cs[:, 0] = h0, c0
    for t in range(T):
        a = pre[:, t] + hs[:, t] @ W_hh.T
        acts[:, t, :2 * H] = sig(a[:, :2 * H])
        acts[:, t, 2 * H:3 * H] = np.tanh(a[:, 2 * H:3 * H])
        acts[:, t, 3 * H:] = sig(a[:, 3 * H:])
        i, f, g, o = np.split(acts[:, t], 4, axis=1)
        cs[:, t + 1] = f * cs[:, t] + i * g
        hs[:, t + 1] = o * np.tanh(cs[:, t + 1])
    return hs, cs, acts


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    hs, cs, _ = _run(x, h0, c0, W_ih, W_hh, b_ih, b_hh)
    return hs[:, 1:].copy(), hs[:, -1].copy(), cs[:, -1].copy()


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    hs, cs, acts = _run(x, h0, c0, W_ih, W_hh, b_ih, b_hh)
    T = x.shape[1]
    dpre = np.zeros_like(acts)
    dh_next = np.zeros_like(h0)
    dc_next = np.zeros_like(c0)
    for t in range(T - 1, -1, -1):
        i, f, g, o = np.split(acts[:, t], 4, axis=1)
        tc = np.tanh(cs[:, t + 1])
        dh = dout[:, t] + dh_next
        dc = dc_next + dh * o * (1 - tc * tc)
        dpre[:, t] = np.hstack([dc * g * i * (1 - i), dc * cs[:, t] * f * (1 - f),
                                dc * i * (1 - g * g), dh * tc * o * (1 - o)])
        dh_next = dpre[:, t] @ W_hh
        dc_next = dc * f
    db = dpre.sum(axis=(0, 1))
    return {"x": np.tensordot(dpre, W_ih, axes=([2], [0])), "h0": dh_next, "c0": dc_next,
            "W_ih": np.tensordot(dpre, x, axes=([0, 1], [0, 1])),
            "W_hh": np.tensordot(dpre, hs[:, :-1], axes=([0, 1], [0, 1])), "b_ih": db, "b_hh": db.copy()}
