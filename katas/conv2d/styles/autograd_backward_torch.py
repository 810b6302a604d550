# expect: forbidden
"""A correct forward, and the backward by autograd through it."""

import torch
import torch.nn.functional as F


def conv2d(x, w, b=None, stride=1, padding=0):
    n, _, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = (h + 2 * padding - kh) // stride + 1, (wd + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, kernel_size=(kh, kw), padding=padding, stride=stride)   # (N, C*KH*KW, L)
    out = torch.matmul(w.view(f, -1), cols).view(n, f, ho, wo)
    return out if b is None else out + b.view(1, f, 1, 1)


def _pool_cols(x, k, stride):
    n, c, h, wd = x.shape
    s = k if stride is None else stride
    cols = F.unfold(x.reshape(n * c, 1, h, wd), k, stride=s)                     # (N*C, k*k, L)
    return cols, (n, c, (h - k) // s + 1, (wd - k) // s + 1)


def max_pool2d(x, kernel_size, stride=None):
    cols, shape = _pool_cols(x, kernel_size, stride)
    return cols.max(dim=1).values.view(shape)


def avg_pool2d(x, kernel_size, stride=None):
    cols, shape = _pool_cols(x, kernel_size, stride)
    return cols.mean(dim=1).view(shape)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    x, w = x.detach().requires_grad_(), w.detach().requires_grad_()
    b = x.new_zeros(w.shape[0], requires_grad=True)
    out = conv2d(x, w, b, stride, padding)
    dx, dw, db = torch.autograd.grad(out, (x, w, b), dout)
    return dx, dw, db
