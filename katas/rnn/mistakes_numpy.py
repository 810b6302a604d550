"""Classic mistakes of rnn, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's (whose forward returns the cache (x, h0, Wx, Wh, b, hs)).
The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _bptt(dhs, cache, carry=True, dtanh_of_h=False, dwh_from_h0=True, dwh_transposed=False, lr=0.0):
    """Backpropagation through time with one of the mistakes switched on; returns the reference's
    five gradients and the gradient at h_1 (what a learner returns when it hands back the wrong
    variable for dh0)."""
    x, h0, Wx, Wh, b, hs = cache
    dx = np.empty_like(x)
    dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)
    dh_next = np.zeros_like(h0)
    for t in reversed(range(x.shape[1])):
        h_prev = hs[:, t - 1] if t > 0 else h0
        dh = dhs[:, t] + dh_next if carry else dhs[:, t]
        slope = 1.0 - np.tanh(hs[:, t]) ** 2 if dtanh_of_h else 1.0 - hs[:, t] ** 2
        da = dh * slope
        dx[:, t] = da @ Wx.T
        dWx += x[:, t].T @ da
        if t > 0 or dwh_from_h0:
            dWh += da.T @ h_prev if dwh_transposed else h_prev.T @ da
        db += da.sum(axis=0)
        dh_next = da @ Wh.T
        if lr:
            # The running sums are applied to the cache's own weights at every step.
            Wx -= lr * dWx
            Wh -= lr * dWh
            b -= lr * db
    return (dx, dh_next, dWx, dWh, db), dh


class next_step_gradient_not_carried:
    def rnn_backward(dhs, cache):
        # dh = dhs[:, t]: the gradient h_t receives through h_{t+1} is dropped.
        return _bptt(dhs, cache, carry=False)[0]


class no_dh0:
    def rnn_backward(dhs, cache):
        dx, dh0, dWx, dWh, db = _bptt(dhs, cache)[0]
        return dx, np.zeros_like(dh0), dWx, dWh, db


class dh0_is_dh1:
    def rnn_backward(dhs, cache):
        (dx, _, dWx, dWh, db), dh1 = _bptt(dhs, cache)
        # The gradient at h_1 (the first output), not yet sent through Wh to h_0.
        return dx, dh1, dWx, dWh, db


class params_updated_in_backward:
    def rnn_backward(dhs, cache):
        return _bptt(dhs, cache, lr=1e-2)[0]


class dtanh_of_h:
    def rnn_backward(dhs, cache):
        # dtanh(z) = 1 - tanh(z)^2 applied to h = tanh(a) instead of to a.
        return _bptt(dhs, cache, dtanh_of_h=True)[0]


class dwh_skips_h0:
    def rnn_backward(dhs, cache):
        # dWh += h_prev.T @ da only for t > 0: the first step's term h0.T @ da_0 is missing.
        return _bptt(dhs, cache, dwh_from_h0=False)[0]


class dwh_transposed:
    def rnn_backward(dhs, cache):
        # da.T @ h_prev is (H, H) like Wh, so no shape error: it is dWh.T.
        return _bptt(dhs, cache, dwh_transposed=True)[0]


class h0_ignored:
    def rnn_forward(x, h0, Wx, Wh, b):
        N, T, _ = x.shape
        hs = np.empty((N, T, Wh.shape[0]))
        for t in range(T):
            # The first step without a hidden term, as if h0 were zero.
            a = x[:, t] @ Wx + b if t == 0 else x[:, t] @ Wx + hs[:, t - 1] @ Wh + b
            hs[:, t] = np.tanh(a)
        return hs, (x, h0, Wx, Wh, b, hs)
