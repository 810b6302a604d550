# expect: pass
"""Caches the pre-activations and takes tanh' as 1 / cosh(a)^2; a dict cache; per-step list of states."""

import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    states, pre = [h0], []
    for t in range(x.shape[1]):
        a = x[:, t, :].dot(Wx) + states[-1].dot(Wh) + b
        pre.append(a)
        states.append(np.tanh(a))
    hs = np.stack(states[1:], axis=1)
    return hs, {"x": x, "states": states, "pre": pre, "Wx": Wx, "Wh": Wh}


def rnn_backward(dhs, cache):
    x, states, pre, Wx, Wh = cache["x"], cache["states"], cache["pre"], cache["Wx"], cache["Wh"]
    T = x.shape[1]
    grads_x = [None] * T
    dWx = np.zeros(Wx.shape)
    dWh = np.zeros(Wh.shape)
    db = np.zeros(Wh.shape[1])
    carry = np.zeros(states[0].shape)
    for t in range(T - 1, -1, -1):
        da = (dhs[:, t, :] + carry) / np.cosh(pre[t]) ** 2
        grads_x[t] = da.dot(Wx.T)
        dWx = dWx + x[:, t, :].T.dot(da)
        dWh = dWh + states[t].T.dot(da)
        db = db + da.sum(axis=0)
        carry = da.dot(Wh.T)
    return np.stack(grads_x, axis=1), carry, dWx, dWh, db
