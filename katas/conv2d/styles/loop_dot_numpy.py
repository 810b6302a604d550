# expect: fail as python-loops
"""One np.dot of a flattened window with a flattened filter for every (n, f, i, j): right values, far too slow."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(x, w, b=None, stride=1, padding=0):
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    n, c, h, wd = xp.shape
    f, _, kh, kw = w.shape
    ho, wo = (h - kh) // stride + 1, (wd - kw) // stride + 1
    out = np.empty((n, f, ho, wo))
    filters = w.reshape(f, -1)
    for a in range(n):
        for k in range(f):
            for i in range(ho):
                for j in range(wo):
                    window = xp[a, :, i * stride:i * stride + kh, j * stride:j * stride + kw].ravel()
                    out[a, k, i, j] = np.dot(window, filters[k]) + (b[k] if b is not None else 0.0)
    return out

def _padded(x, padding):
    return np.pad(x, [(0, 0), (0, 0), (padding, padding), (padding, padding)], mode="constant")


def _views(x, kh, kw, stride):
    return sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]


def max_pool2d(x, kernel_size, stride=None):
    return _views(x, kernel_size, kernel_size, stride or kernel_size).max(axis=(-2, -1))


def avg_pool2d(x, kernel_size, stride=None):
    return _views(x, kernel_size, kernel_size, stride or kernel_size).mean(axis=(-2, -1))


def conv2d_backward(dout, x, w, stride=1, padding=0):
    kh, kw = w.shape[2:]
    xp = _padded(x, padding)
    ho, wo = dout.shape[2:]
    dw = np.einsum("nfhw,nchwij->fcij", dout, _views(xp, kh, kw, stride)[:, :, :ho, :wo])
    dxp = np.zeros(xp.shape)
    for i in range(kh):
        for j in range(kw):
            dxp[:, :, i:i + stride * (ho - 1) + 1:stride, j:j + stride * (wo - 1) + 1:stride] += \
                np.einsum("nfhw,fc->nchw", dout, w[:, :, i, j])
    h, wd = x.shape[2:]
    return dxp[:, :, padding:padding + h, padding:padding + wd], dw, dout.sum(axis=(0, 2, 3))
