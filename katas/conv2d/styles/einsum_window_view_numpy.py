# expect: pass
"""sliding_window_view for the windows and plain einsum (no optimize) for every contraction."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _padded(x, padding):
    return np.pad(x, [(0, 0), (0, 0), (padding, padding), (padding, padding)], mode="constant")


def _views(x, kh, kw, stride):
    return sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]


def conv2d(x, w, b=None, stride=1, padding=0):
    out = np.einsum("nchwij,fcij->nfhw", _views(_padded(x, padding), w.shape[2], w.shape[3], stride), w)
    if b is not None:
        out += b.reshape(1, -1, 1, 1)
    return out


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
