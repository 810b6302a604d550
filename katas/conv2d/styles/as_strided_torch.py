# expect: pass
"""torch.as_strided window view, bmm for the forward, index_add_ on flat indices for dx."""

import torch
import torch.nn.functional as F


def _windows(a, kh, kw, stride):
    a = a.contiguous()
    n, c, h, w = a.shape
    ho, wo = (h - kh) // stride + 1, (w - kw) // stride + 1
    s0, s1, s2, s3 = a.stride()
    return a.as_strided((n, ho, wo, c, kh, kw), (s0, s2 * stride, s3 * stride, s1, s2, s3))


def conv2d(x, w, b=None, stride=1, padding=0):
    n = x.shape[0]
    f = w.shape[0]
    win = _windows(F.pad(x, [padding] * 4), w.shape[2], w.shape[3], stride)
    _, ho, wo = win.shape[:3]
    cols = win.reshape(n, ho * wo, -1)
    out = torch.bmm(cols, w.reshape(f, -1).t().expand(n, -1, -1))   # (N, Ho*Wo, F)
    out = out.transpose(1, 2).reshape(n, f, ho, wo)
    return out if b is None else out + b.reshape(1, f, 1, 1)


def max_pool2d(x, kernel_size, stride=None):
    win = _windows(x, kernel_size, kernel_size, kernel_size if stride is None else stride)
    return win.amax(dim=(4, 5)).permute(0, 3, 1, 2)


def avg_pool2d(x, kernel_size, stride=None):
    win = _windows(x, kernel_size, kernel_size, kernel_size if stride is None else stride)
    return win.mean(dim=(4, 5)).permute(0, 3, 1, 2)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = dout.shape[2:]
    xp = F.pad(x, [padding] * 4)
    hp, wp = xp.shape[2:]
    win = _windows(xp, kh, kw, stride)[:, :ho, :wo]
    dw = torch.einsum("nfhw,nhwcpq->fcpq", dout, win)
    dcols = torch.einsum("nfhw,fcpq->nhwcpq", dout, w)
    # The flat index, in one padded sample, of every window element.
    flat = torch.arange(c * hp * wp, device=x.device).reshape(1, c, hp, wp)
    index = _windows(flat, kh, kw, stride)[0, :ho, :wo].reshape(-1)
    dxp = x.new_zeros(n, c * hp * wp)
    dxp.index_add_(1, index, dcols.reshape(n, -1))
    dxp = dxp.reshape(n, c, hp, wp)
    return dxp[:, :, padding:padding + h, padding:padding + wd], dw, dout.sum(dim=(0, 2, 3))
