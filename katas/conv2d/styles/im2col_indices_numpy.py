# expect: pass
"""im2col with index arrays (fancy indexing), and col2im with np.add.at for dx."""

import numpy as np


def _indices(c, h, w, kh, kw, stride, padding):
    ho = (h + 2 * padding - kh) // stride + 1
    wo = (w + 2 * padding - kw) // stride + 1
    ch = np.repeat(np.arange(c), kh * kw)[:, None]                       # (C*KH*KW, 1)
    r = (np.tile(np.repeat(np.arange(kh), kw), c)[:, None] + stride * np.repeat(np.arange(ho), wo)[None, :])
    s = (np.tile(np.arange(kw), kh * c)[:, None] + stride * np.tile(np.arange(wo), ho)[None, :])
    return ch, r, s, ho, wo


def _im2col(x, kh, kw, stride, padding):
    n, c, h, w = x.shape
    ch, r, s, ho, wo = _indices(c, h, w, kh, kw, stride, padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    return xp[:, ch, r, s], ho, wo                                        # (N, C*KH*KW, Ho*Wo)


def conv2d(x, w, b=None, stride=1, padding=0):
    f = w.shape[0]
    cols, ho, wo = _im2col(x, w.shape[2], w.shape[3], stride, padding)
    out = np.matmul(w.reshape(f, -1), cols).reshape(x.shape[0], f, ho, wo)
    if b is not None:
        out = out + b.reshape(f, 1, 1)
    return out


def _pool_cols(x, k, stride):
    n, c, h, w = x.shape
    cols, ho, wo = _im2col(x.reshape(n * c, 1, h, w), k, k, k if stride is None else stride, 0)
    return cols, (n, c, ho, wo)


def max_pool2d(x, kernel_size, stride=None):
    cols, shape = _pool_cols(x, kernel_size, stride)
    return cols.max(axis=1).reshape(shape)


def avg_pool2d(x, kernel_size, stride=None):
    cols, shape = _pool_cols(x, kernel_size, stride)
    return cols.mean(axis=1).reshape(shape)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    cols, ho, wo = _im2col(x, kh, kw, stride, padding)
    d = dout.reshape(n, f, -1)                                            # (N, F, Ho*Wo)
    dw = np.einsum("nfk,nck->fc", d, cols).reshape(w.shape)
    dcols = np.einsum("fc,nfk->nck", w.reshape(f, -1), d)
    ch, r, s, _, _ = _indices(c, h, wd, kh, kw, stride, padding)
    dxp = np.zeros((n, c, h + 2 * padding, wd + 2 * padding))
    for i in range(n):  # np.add.at sums the windows' overlapping contributions
        np.add.at(dxp[i], (ch, r, s), dcols[i])
    return dxp[:, :, padding:h + padding, padding:wd + padding], dw, d.sum(axis=(0, 2))
