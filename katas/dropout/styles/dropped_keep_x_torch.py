# expect: fail
# Dropped entries pass x through instead of 0.
import torch


def dropout(x, p, training, generator=None):
    if not training:
        return x, torch.ones_like(x, dtype=torch.bool)
    keep = torch.rand(x.shape, generator=generator, device=x.device) >= p
    scale = 1 / (1 - p) if p < 1 else 0.0
    return torch.where(keep, x * scale, x), keep


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask * (1 / (1 - p) if p < 1 else 0.0)
