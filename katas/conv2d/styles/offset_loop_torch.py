# expect: pass
"""Loops over the kernel offsets only, with torch.tensordot, and a zero-padded buffer built by hand."""

import torch


def _pad(x, p):
    n, c, h, w = x.shape
    xp = x.new_zeros(n, c, h + 2 * p, w + 2 * p)
    xp[:, :, p:p + h, p:p + w] = x
    return xp


def conv2d(x, w, b=None, stride=1, padding=0):
    f, _, kh, kw = w.shape
    xp = _pad(x, padding)
    ho = (xp.shape[2] - kh) // stride + 1
    wo = (xp.shape[3] - kw) // stride + 1
    out = x.new_zeros(x.shape[0], f, ho, wo)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + stride * ho:stride, j:j + stride * wo:stride]
            out += torch.tensordot(patch, w[:, :, i, j], dims=([1], [1])).permute(0, 3, 1, 2)
    if b is not None:
        out += b[:, None, None]
    return out


def _pool(x, k, stride):
    s = stride if stride is not None else k
    ho, wo = (x.shape[2] - k) // s + 1, (x.shape[3] - k) // s + 1
    return torch.stack([x[:, :, i:i + s * ho:s, j:j + s * wo:s] for i in range(k) for j in range(k)], dim=-1)


def max_pool2d(x, kernel_size, stride=None):
    return _pool(x, kernel_size, stride).max(dim=-1).values


def avg_pool2d(x, kernel_size, stride=None):
    return _pool(x, kernel_size, stride).sum(dim=-1) / kernel_size ** 2


def conv2d_backward(dout, x, w, stride=1, padding=0):
    f, c, kh, kw = w.shape
    ho, wo = dout.shape[2:]
    xp = _pad(x, padding)
    dxp = torch.zeros_like(xp)
    dw = torch.empty_like(w)
    for i in range(kh):
        for j in range(kw):
            sl = (slice(None), slice(None), slice(i, i + stride * ho, stride), slice(j, j + stride * wo, stride))
            dw[:, :, i, j] = torch.einsum("nfhw,nchw->fc", dout, xp[sl])
            dxp[sl] += torch.einsum("nfhw,fc->nchw", dout, w[:, :, i, j])
    h, wd = x.shape[2:]
    return dxp[:, :, padding:padding + h, padding:padding + wd], dw, dout.sum((0, 2, 3))
