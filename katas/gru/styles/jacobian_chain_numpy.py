# expect: pass
"""Forward stores pre-activations; backward via derivative helpers of those (sigmoid' and tanh' from a), dW by a final sum over steps."""

import numpy as np


def sigmoid(a):
    out = np.empty_like(a)
    pos = a >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-a[pos]))
    e = np.exp(a[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def dsigmoid(a):
    s = sigmoid(a)
    return s * (1.0 - s)


def dtanh(a):
    return 1.0 - np.tanh(a) ** 2


def forward_steps(x, h0, W_ih, W_hh, b_ih, b_hh):
    H = h0.shape[1]
    h, steps = h0, []
    for t in range(x.shape[1]):
        gi = x[:, t] @ W_ih.T + b_ih
        gh = h @ W_hh.T + b_hh
        a_r = gi[:, :H] + gh[:, :H]
        a_z = gi[:, H:2 * H] + gh[:, H:2 * H]
        r = sigmoid(a_r)
        a_n = gi[:, 2 * H:] + r * gh[:, 2 * H:]
        z, n = sigmoid(a_z), np.tanh(a_n)
        h_new = (1.0 - z) * n + z * h
        steps.append(dict(h_prev=h, a_r=a_r, a_z=a_z, a_n=a_n, r=r, z=z, n=n, ghn=gh[:, 2 * H:]))
        h = h_new
    return steps, h


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return forward_steps(x[:, None], h_prev, W_ih, W_hh, b_ih, b_hh)[1]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    steps, h = forward_steps(x, h0, W_ih, W_hh, b_ih, b_hh)
    out = np.stack([s["h_prev"] for s in steps[1:]] + [h], axis=1)
    return out, h


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    steps, _ = forward_steps(x, h0, W_ih, W_hh, b_ih, b_hh)
    T = len(steps)
    dgis, dghs = [None] * T, [None] * T
    dh = np.zeros_like(h0)
    for t in reversed(range(T)):
        s = steps[t]
        dh = dh + dout[:, t]
        d_an = dh * (1.0 - s["z"]) * dtanh(s["a_n"])
        d_az = dh * (s["h_prev"] - s["n"]) * dsigmoid(s["a_z"])
        d_ar = d_an * s["ghn"] * dsigmoid(s["a_r"])
        dgis[t] = np.hstack([d_ar, d_az, d_an])
        dghs[t] = np.hstack([d_ar, d_az, d_an * s["r"]])
        dh = dh * s["z"] + dghs[t] @ W_hh
    dgi, dgh = np.stack(dgis), np.stack(dghs)                 # (T, N, 3H)
    h_prevs = np.stack([s["h_prev"] for s in steps])          # (T, N, H)
    xt = x.transpose(1, 0, 2)
    return {
        "x": (dgi @ W_ih).transpose(1, 0, 2),
        "h0": dh,
        "W_ih": sum(dgi[t].T @ xt[t] for t in range(T)),
        "W_hh": sum(dgh[t].T @ h_prevs[t] for t in range(T)),
        "b_ih": dgi.sum(axis=(0, 1)),
        "b_hh": dgh.sum(axis=(0, 1)),
    }
