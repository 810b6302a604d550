# expect: pass
"""as_strided window view, tensordot contractions, and a transposed convolution for dx."""

import numpy as np
from numpy.lib.stride_tricks import as_strided


def _windows(a, kh, kw, stride):
    n, c, h, w = a.shape
    ho, wo = (h - kh) // stride + 1, (w - kw) // stride + 1
    s0, s1, s2, s3 = a.strides
    return as_strided(a, shape=(n, c, ho, wo, kh, kw), strides=(s0, s1, s2 * stride, s3 * stride, s2, s3),
                      writeable=False)


def conv2d(x, w, b=None, stride=1, padding=0):
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.tensordot(_windows(xp, w.shape[2], w.shape[3], stride), w, axes=([1, 4, 5], [1, 2, 3]))
    out = out.transpose(0, 3, 1, 2)
    if b is not None:
        out = out + b[None, :, None, None]
    return out


def max_pool2d(x, kernel_size, stride=None):
    stride = kernel_size if stride is None else stride
    return _windows(np.ascontiguousarray(x), kernel_size, kernel_size, stride).max(axis=(4, 5))


def avg_pool2d(x, kernel_size, stride=None):
    stride = kernel_size if stride is None else stride
    return _windows(np.ascontiguousarray(x), kernel_size, kernel_size, stride).mean(axis=(4, 5))


def conv2d_backward(dout, x, w, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    win = _windows(xp, kh, kw, stride)[:, :, :ho, :wo]
    dw = np.tensordot(dout, win, axes=([0, 2, 3], [0, 2, 3]))
    # dx as a transposed convolution: spread dout out by the stride (zeros between),
    # pad it by K - 1 and correlate with the kernel turned 180 degrees, channels swapped.
    hd, wdd = stride * (ho - 1) + 1, stride * (wo - 1) + 1
    dilated = np.zeros((n, f, hd + 2 * (kh - 1), wdd + 2 * (kw - 1)))
    dilated[:, :, kh - 1:kh - 1 + hd:stride, kw - 1:kw - 1 + wdd:stride] = dout
    w_t = w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)                 # (C, F, KH, KW)
    full = np.tensordot(_windows(np.ascontiguousarray(dilated), kh, kw, 1), w_t, axes=([1, 4, 5], [1, 2, 3]))
    full = full.transpose(0, 3, 1, 2)                                # (N, C, hd + kh - 1, wdd + kw - 1)
    dxp = np.zeros_like(xp)
    dxp[:, :, :full.shape[2], :full.shape[3]] = full                 # rows past the last window stay 0
    return dxp[:, :, padding:padding + h, padding:padding + wd], dw, dout.sum(axis=(0, 2, 3))
