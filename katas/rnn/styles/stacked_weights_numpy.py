# expect: pass
"""One matrix [Wx; Wh] applied to [x_t, h_{t-1}]: the gradient of the stacked input is split afterwards."""

import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    W = np.vstack([Wx, Wh])
    h, inputs, outs = h0, [], []
    for t in range(x.shape[1]):
        z = np.hstack([x[:, t], h])
        h = np.tanh(z @ W + b)
        inputs.append(z)
        outs.append(h)
    return np.stack(outs, axis=1), (W, Wx.shape[0], inputs, outs)


def rnn_backward(dhs, cache):
    W, D, inputs, outs = cache
    dW = np.zeros_like(W)
    db = 0.0
    dxs = []
    dh = np.zeros_like(outs[0])
    for t in range(len(outs) - 1, -1, -1):
        da = (dhs[:, t] + dh) * (1 - outs[t] ** 2)
        dW += inputs[t].T @ da
        db = db + da.sum(0)
        dz = da @ W.T
        dxs.append(dz[:, :D])
        dh = dz[:, D:]
    return np.stack(dxs[::-1], axis=1), dh, dW[:D], dW[D:], db
