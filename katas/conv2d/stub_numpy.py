"""2-D convolution, pooling and the convolution's backward pass in NumPy. Replace each `raise` with your code."""

import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0):
    """A convolution layer's forward pass (cross-correlation, as F.conv2d computes it).

    x: float64 array (N, C, H, W). w: float64 array (F, C, KH, KW). b: None or
    float64 array (F,), one bias per output channel.
    stride, padding: ints, the same along the height and the width; padding
    adds that many zeros on each side of the two spatial axes only.
    Returns (N, F, H_out, W_out) with H_out = (H + 2*padding - KH) // stride + 1
    (W_out likewise) and
        out[n, f, i, j] = sum_{c, p, q} x_pad[n, c, i*stride + p, j*stride + q] * w[f, c, p, q] + b[f].
    No kernel flip. Vectorise at least over the batch, the filters and the
    channels: a Python loop over every (n, f, i, j) is too slow.
    scipy.signal and scipy.ndimage filters are not allowed. Do not modify the inputs.
    """
    raise NotImplementedError


def max_pool2d(x, kernel_size, stride=None):
    """Max over each kernel_size x kernel_size window of each channel.

    x: (N, C, H, W). kernel_size: int. stride: int, or None for stride = kernel_size.
    No padding. Returns (N, C, H_out, W_out), H_out = (H - kernel_size) // stride + 1.
    """
    raise NotImplementedError


def avg_pool2d(x, kernel_size, stride=None):
    """Mean over each kernel_size x kernel_size window of each channel; as max_pool2d otherwise."""
    raise NotImplementedError


def conv2d_backward(dout, x, w, stride=1, padding=0):
    """The gradients of conv2d(x, w, b, stride, padding), given dout = dL/dout.

    dout: (N, F, H_out, W_out); x, w, stride, padding: as passed to conv2d.
    Returns (dx, dw, db) of the shapes of x, w and b: (N, C, H, W),
    (F, C, KH, KW), (F,). They do not depend on b.
    """
    raise NotImplementedError
