# expect: pass
import torch


def dropout(x, p, training, generator=None):
    if not training:
        return x, torch.ones_like(x, dtype=torch.bool)
    u = torch.empty_like(x).uniform_(0, 1, generator=generator)
    keep = u > p
    scale = 1.0 / (1.0 - p) if p < 1 else 0.0
    return x.masked_fill(~keep, 0.0) * scale, keep


def dropout_backward(dout, keep_mask, p):
    scale = 1.0 / (1.0 - p) if p < 1 else 0.0
    return dout.masked_fill(~keep_mask, 0.0) * scale
