"""Reference: 2-D convolution (cross-correlation), pooling and the convolution's backward pass in PyTorch."""

import torch
import torch.nn.functional as F


def _windows(x, kh, kw, stride):
    """A view (N, C, Ho, Wo, KH, KW) of every window: Tensor.unfold slides a window along one dim."""
    return x.unfold(2, kh, stride).unfold(3, kw, stride)


def conv2d(x, w, b=None, stride=1, padding=0):
    n, _, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = (h + 2 * padding - kh) // stride + 1, (wd + 2 * padding - kw) // stride + 1
    # im2col: F.unfold lays every window out as a column (N, C*KH*KW, Ho*Wo), so the layer is
    # one matrix product with the filters flattened the same way (channel, kernel row, column).
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = (w.reshape(f, -1) @ cols).reshape(n, f, ho, wo)
    if b is not None:
        out = out + b[None, :, None, None]  # one bias per output channel
    return out.contiguous()


def _pool(x, kernel_size, stride):
    stride = kernel_size if stride is None else stride
    return _windows(x, kernel_size, kernel_size, stride)


def max_pool2d(x, kernel_size, stride=None):
    return _pool(x, kernel_size, stride).amax(dim=(4, 5))


def avg_pool2d(x, kernel_size, stride=None):
    return _pool(x, kernel_size, stride).mean(dim=(4, 5))


def conv2d_backward(dout, x, w, stride=1, padding=0):
    n, c, h, wd = x.shape
    kh, kw = w.shape[2:]
    ho, wo = dout.shape[2:]
    xp = F.pad(x, (padding, padding, padding, padding))
    win = _windows(xp, kh, kw, stride)[:, :, :ho, :wo]
    db = dout.sum(dim=(0, 2, 3))
    dw = torch.einsum("nfhw,nchwpq->fcpq", dout, win)
    # Each window received dout times the kernel; add every window's share back where it was
    # read from. One step per kernel offset: the windows of one offset never overlap.
    dcols = torch.einsum("nfhw,fcpq->nchwpq", dout, w)
    dxp = torch.zeros_like(xp)
    for p in range(kh):
        for q in range(kw):
            dxp[:, :, p:p + stride * ho:stride, q:q + stride * wo:stride] += dcols[..., p, q]
    # The gradient that fell on the zero padding belongs to no input: crop it.
    dx = dxp[:, :, padding:padding + h, padding:padding + wd]
    return dx.contiguous(), dw, db
