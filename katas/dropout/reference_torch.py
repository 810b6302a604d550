"""Reference: inverted dropout, forward and backward, in PyTorch."""

import torch


def _scale(p):
    # Every unit is dropped at p = 1, so the scale never multiplies a kept
    # value: 0 stands in for 1 / 0 and keeps 0 * inf = NaN out.
    return 1.0 / (1.0 - p) if p < 1 else 0.0


def dropout(x, p, training, generator=None):
    if not training:
        return x, torch.ones_like(x, dtype=torch.bool)
    # rand() is uniform on [0, 1): it is >= p with probability 1 - p.
    keep_mask = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) >= p
    return x * keep_mask * _scale(p), keep_mask


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask * _scale(p)
