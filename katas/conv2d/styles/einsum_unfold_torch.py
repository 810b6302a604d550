# expect: pass
"""Tensor.unfold twice for the windows, einsum for the forward and both weight gradients, and a
strided view of the padded gradient buffer for each kernel offset."""

import torch


def conv2d(x, w, b=None, stride=1, padding=0):
    xp = torch.nn.functional.pad(x, (padding, padding, padding, padding))
    patches = xp.unfold(2, w.size(2), stride).unfold(3, w.size(3), stride)   # N, C, Ho, Wo, KH, KW
    y = torch.einsum("ncijkl,fckl->nfij", patches, w)
    if b is not None:
        y = y + b.reshape(-1, 1, 1)
    return y


def max_pool2d(x, kernel_size, stride=None):
    s = stride if stride else kernel_size
    return x.unfold(2, kernel_size, s).unfold(3, kernel_size, s).flatten(-2).max(-1)[0]


def avg_pool2d(x, kernel_size, stride=None):
    s = stride if stride else kernel_size
    return x.unfold(2, kernel_size, s).unfold(3, kernel_size, s).flatten(-2).mean(-1)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    kh, kw = w.size(2), w.size(3)
    ho, wo = dout.size(2), dout.size(3)
    xp = torch.nn.functional.pad(x, (padding,) * 4)
    patches = xp.unfold(2, kh, stride).unfold(3, kw, stride)[:, :, :ho, :wo]
    dw = torch.einsum("nfij,ncijkl->fckl", dout, patches)
    grad_patches = torch.einsum("nfij,fckl->ncijkl", dout, w)
    dxp = torch.zeros_like(xp)
    for k in range(kh):
        for l in range(kw):
            dxp[:, :, k:k + (ho - 1) * stride + 1:stride, l:l + (wo - 1) * stride + 1:stride] += grad_patches[..., k, l]
    h, wdt = x.shape[-2:]
    return dxp[..., padding:padding + h, padding:padding + wdt], dw, dout.sum(dim=[0, 2, 3])
