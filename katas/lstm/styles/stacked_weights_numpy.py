# expect: pass
"""One product per step on [x, h] against [W_ih | W_hh], expit from SciPy, time-major loops."""

import numpy as np
from scipy.special import expit


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    W = np.concatenate([W_ih, W_hh], axis=1)
    z = np.concatenate([x, h_prev], axis=-1) @ W.T + (b_ih + b_hh)
    i, f, g, o = np.array_split(z, 4, axis=-1)
    c = expit(f) * c_prev + expit(i) * np.tanh(g)
    return expit(o) * np.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    xs = np.transpose(x, (1, 0, 2))  # (T, N, D)
    out = np.empty((xs.shape[0],) + h0.shape)
    h, c = h0, c0
    for t, x_t in enumerate(xs):
        h, c = lstm_cell(x_t, h, c, W_ih, W_hh, b_ih, b_hh)
        out[t] = h
    return out.transpose(1, 0, 2), h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    D = W_ih.shape[1]
    W = np.concatenate([W_ih, W_hh], axis=1)
    b = b_ih + b_hh
    xs, douts = np.transpose(x, (1, 0, 2)), np.transpose(dout, (1, 0, 2))
    tape, h, c = [], h0, c0
    for x_t in xs:
        xh = np.concatenate([x_t, h], axis=-1)
        i, f, g, o = np.array_split(xh @ W.T + b, 4, axis=-1)
        i, f, g, o = expit(i), expit(f), np.tanh(g), expit(o)
        c_new = f * c + i * g
        tape.append((xh, c, i, f, g, o, np.tanh(c_new)))
        h, c = o * tape[-1][-1], c_new
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    dxs = np.empty_like(xs)
    dh, dc = np.zeros_like(h0), np.zeros_like(c0)
    for t in range(len(xs) - 1, -1, -1):
        xh, c_prev, i, f, g, o, tc = tape[t]
        dh = dh + douts[t]
        dc = dc + dh * o * (1 - tc ** 2)
        dz = np.concatenate([dc * g * i * (1 - i), dc * c_prev * f * (1 - f), dc * i * (1 - g ** 2),
                             dh * tc * o * (1 - o)], axis=-1)
        dW += dz.T @ xh
        db += dz.sum(axis=0)
        dxh = dz @ W
        dxs[t], dh = dxh[:, :D], dxh[:, D:]
        dc = dc * f
    return {"x": dxs.transpose(1, 0, 2), "h0": dh, "c0": dc, "W_ih": dW[:, :D], "W_hh": dW[:, D:],
            "b_ih": db, "b_hh": db.copy()}
