"""Reference: 2-D convolution (cross-correlation), pooling and the convolution's backward pass in NumPy."""

import numpy as np
from numpy.lib.stride_tricks import as_strided


def _out_size(size, k, stride, padding):
    return (size + 2 * padding - k) // stride + 1


def _pad(x, padding):
    # Only the two spatial axes: the batch and channel axes keep their sizes.
    return np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))


def _windows(xp, kh, kw, stride, ho, wo):
    """A read-only view (N, C, Ho, Wo, KH, KW) of every window, without copying."""
    sn, sc, sh, sw = xp.strides
    n, c = xp.shape[:2]
    return as_strided(xp, (n, c, ho, wo, kh, kw), (sn, sc, sh * stride, sw * stride, sh, sw), writeable=False)


def conv2d(x, w, b=None, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = _out_size(h, kh, stride, padding), _out_size(wd, kw, stride, padding)
    win = _windows(_pad(x, padding), kh, kw, stride, ho, wo)
    # im2col: one row per output position, one column per (channel, kernel row, kernel column),
    # so the whole layer is a single matrix product.
    cols = win.transpose(0, 2, 3, 1, 4, 5).reshape(n * ho * wo, c * kh * kw)
    out = (cols @ w.reshape(f, -1).T).reshape(n, ho, wo, f).transpose(0, 3, 1, 2)
    if b is not None:
        out = out + b[None, :, None, None]  # one bias per output channel
    return np.ascontiguousarray(out)


def _pool(x, kernel_size, stride):
    stride = kernel_size if stride is None else stride
    n, c, h, wd = x.shape
    return _windows(x, kernel_size, kernel_size, stride, _out_size(h, kernel_size, stride, 0),
                    _out_size(wd, kernel_size, stride, 0))


def max_pool2d(x, kernel_size, stride=None):
    return _pool(x, kernel_size, stride).max(axis=(4, 5))


def avg_pool2d(x, kernel_size, stride=None):
    return _pool(x, kernel_size, stride).mean(axis=(4, 5))


def conv2d_backward(dout, x, w, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = dout.shape[2:]
    xp = _pad(x, padding)
    win = _windows(xp, kh, kw, stride, ho, wo)
    db = dout.sum(axis=(0, 2, 3))
    # dw[f, c, p, q] = sum over n, i, j of dout[n, f, i, j] * xp[n, c, i*s + p, j*s + q].
    dw = np.tensordot(dout, win, axes=([0, 2, 3], [0, 2, 3]))
    # Each window received dout times the kernel; add every window's share back where it was
    # read from. One step per kernel offset: the windows of one offset never overlap.
    dcols = np.tensordot(dout, w, axes=([1], [0]))  # (N, Ho, Wo, C, KH, KW)
    dxp = np.zeros_like(xp)
    for p in range(kh):
        for q in range(kw):
            dxp[:, :, p:p + stride * ho:stride, q:q + stride * wo:stride] += dcols[..., p, q].transpose(0, 3, 1, 2)
    # The gradient that fell on the zero padding belongs to no input: crop it.
    dx = dxp[:, :, padding:padding + h, padding:padding + wd]
    return np.ascontiguousarray(dx), dw, db
