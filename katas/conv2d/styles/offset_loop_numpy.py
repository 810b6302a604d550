# expect: pass
"""A loop over the KH x KW kernel offsets only: each offset is one strided slice times a (F, C) matrix."""

import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho = (h + 2 * padding - kh) // stride + 1
    wo = (wd + 2 * padding - kw) // stride + 1
    xp = np.zeros((n, c, h + 2 * padding, wd + 2 * padding))
    xp[:, :, padding:padding + h, padding:padding + wd] = x
    out = np.zeros((n, ho, wo, f))
    for p in range(kh):
        for q in range(kw):
            patch = xp[:, :, p:p + stride * ho:stride, q:q + stride * wo:stride]  # (n, c, ho, wo)
            out += np.moveaxis(patch, 1, -1) @ w[:, :, p, q].T
    out = np.moveaxis(out, -1, 1)
    return out if b is None else out + b[:, None, None]


def _pool(x, k, stride, reduce):
    s = k if stride is None else stride
    ho, wo = (x.shape[2] - k) // s + 1, (x.shape[3] - k) // s + 1
    parts = [x[:, :, p:p + s * ho:s, q:q + s * wo:s] for p in range(k) for q in range(k)]
    return reduce(np.stack(parts), axis=0)


def max_pool2d(x, kernel_size, stride=None):
    return _pool(x, kernel_size, stride, np.max)


def avg_pool2d(x, kernel_size, stride=None):
    return _pool(x, kernel_size, stride, np.mean)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding,) * 2, (padding,) * 2))
    dxp = np.zeros_like(xp)
    dw = np.empty_like(w)
    for p in range(kh):
        for q in range(kw):
            rows, cols = slice(p, p + stride * ho, stride), slice(q, q + stride * wo, stride)
            dw[:, :, p, q] = np.tensordot(dout, xp[:, :, rows, cols], axes=([0, 2, 3], [0, 2, 3]))
            dxp[:, :, rows, cols] += np.tensordot(w[:, :, p, q], dout, axes=([0], [1])).transpose(1, 0, 2, 3)
    return dxp[:, :, padding:padding + h, padding:padding + wd].copy(), dw, dout.sum(axis=(0, 2, 3))
