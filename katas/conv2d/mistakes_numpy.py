"""Classic mistakes of conv2d, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _size(size, k, stride, padding):
    return (size + 2 * padding - k) // stride + 1


def _spatial_pad(x, p):
    return np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))


def _conv(xp, w, stride, ho, wo):
    """Correlation of an already padded input, on the first ho x wo strided windows."""
    kh, kw = w.shape[2:]
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride][:, :, :ho, :wo]
    return np.einsum("nchwpq,fcpq->nfhw", win, w, optimize=True)


def _forward(x, w, b, stride, padding):
    out = _conv(_spatial_pad(x, padding), w, stride, _size(x.shape[2], w.shape[2], stride, padding),
                _size(x.shape[3], w.shape[3], stride, padding))
    return out if b is None else out + b[None, :, None, None]


def _grads(dout, x, w, stride, padding, pad, dx_stride=None):
    """(dx_padded, dw, db) with a padding function and the stride the scatter uses."""
    kh, kw = w.shape[2:]
    ho, wo = dout.shape[2:]
    xp = pad(x, padding)
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride][:, :, :ho, :wo]
    dw = np.einsum("nfhw,nchwpq->fcpq", dout, win, optimize=True)
    dcols = np.einsum("nfhw,fcpq->nchwpq", dout, w, optimize=True)
    s = stride if dx_stride is None else dx_stride
    dxp = np.zeros_like(xp)
    for p in range(kh):
        for q in range(kw):
            dxp[:, :, p:p + s * ho:s, q:q + s * wo:s] += dcols[..., p, q]
    return dxp, dw, dout.sum(axis=(0, 2, 3))


def _windows(x, k, stride):
    return sliding_window_view(x, (k, k), axis=(2, 3))[:, :, ::stride, ::stride]


class flipped_kernel:
    def conv2d(x, w, b=None, stride=1, padding=0):
        return _forward(x, w[:, :, ::-1, ::-1], b, stride, padding)  # a true convolution


class output_size_off_by_one:
    def conv2d(x, w, b=None, stride=1, padding=0):
        kh, kw = w.shape[2:]
        ho = (x.shape[2] + 2 * padding - kh + 1) // stride  # one short when stride divides H + 2p - K
        wo = (x.shape[3] + 2 * padding - kw + 1) // stride
        out = _conv(_spatial_pad(x, padding), w, stride, ho, wo)
        return out if b is None else out + b[None, :, None, None]

    def max_pool2d(x, kernel_size, stride=None):
        s = kernel_size if stride is None else stride
        ho, wo = ((n - kernel_size + 1) // s for n in x.shape[2:])
        return _windows(x, kernel_size, s)[:, :, :ho, :wo].max(axis=(4, 5))

    def avg_pool2d(x, kernel_size, stride=None):
        s = kernel_size if stride is None else stride
        ho, wo = ((n - kernel_size + 1) // s for n in x.shape[2:])
        return _windows(x, kernel_size, s)[:, :, :ho, :wo].mean(axis=(4, 5))


def _pad_channels_too(x, p):
    return np.pad(x, ((0, 0), (p, p), (p, p), (p, p)))  # the channel axis padded as well


class padding_on_channel_axis:
    def conv2d(x, w, b=None, stride=1, padding=0):
        out = _conv(_pad_channels_too(x, padding), w, stride, _size(x.shape[2], w.shape[2], stride, padding),
                    _size(x.shape[3], w.shape[3], stride, padding))
        return out if b is None else out + b[None, :, None, None]

    def conv2d_backward(dout, x, w, stride=1, padding=0):
        dxp, dw, db = _grads(dout, x, w, stride, padding, _pad_channels_too)
        h, wd = x.shape[2:]
        return dxp[:, :, padding:padding + h, padding:padding + wd], dw, db


class python_loops:
    def conv2d(x, w, b=None, stride=1, padding=0):
        xp = _spatial_pad(x, padding)
        n, f = x.shape[0], w.shape[0]
        kh, kw = w.shape[2:]
        ho, wo = _size(x.shape[2], kh, stride, padding), _size(x.shape[3], kw, stride, padding)
        out = np.zeros((n, f, ho, wo))
        for i_n in range(n):  # one interpreter trip per output value
            for i_f in range(f):
                for i in range(ho):
                    for j in range(wo):
                        window = xp[i_n, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                        out[i_n, i_f, i, j] = np.sum(window * w[i_f]) + (0.0 if b is None else b[i_f])
        return out


class bias_ignored:
    def conv2d(x, w, b=None, stride=1, padding=0):
        return _forward(x, w, None, stride, padding)  # b never used


class bias_on_last_axis:
    def conv2d(x, w, b=None, stride=1, padding=0):
        out = _forward(x, w, None, stride, padding)
        return out if b is None else out + b  # lines b up with the width


class dx_not_cropped:
    def conv2d_backward(dout, x, w, stride=1, padding=0):
        return _grads(dout, x, w, stride, padding, _spatial_pad)  # the padded buffer itself


class dx_ignores_stride:
    def conv2d_backward(dout, x, w, stride=1, padding=0):
        dxp, dw, db = _grads(dout, x, w, stride, padding, _spatial_pad, dx_stride=1)
        h, wd = x.shape[2:]
        return dxp[:, :, padding:padding + h, padding:padding + wd], dw, db


class db_wrong_axes:
    def conv2d_backward(dout, x, w, stride=1, padding=0):
        dxp, dw, _ = _grads(dout, x, w, stride, padding, _spatial_pad)
        h, wd = x.shape[2:]
        return dxp[:, :, padding:padding + h, padding:padding + wd], dw, dout.sum(axis=0)  # as for a dense layer


class avg_pool_wrong_count:
    def avg_pool2d(x, kernel_size, stride=None):
        s = kernel_size if stride is None else stride
        return _windows(x, kernel_size, s).sum(axis=(4, 5)) / kernel_size  # not kernel_size ** 2


class pool_stride_defaults_to_1:
    def max_pool2d(x, kernel_size, stride=None):
        return _windows(x, kernel_size, stride or 1).max(axis=(4, 5))

    def avg_pool2d(x, kernel_size, stride=None):
        return _windows(x, kernel_size, stride or 1).mean(axis=(4, 5))
