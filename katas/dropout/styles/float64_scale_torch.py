# expect: pass
import torch


def dropout(x, p, training, generator=None):
    keep = torch.ones_like(x, dtype=torch.bool)
    if training:
        keep = torch.rand(x.shape, generator=generator, device=x.device, dtype=torch.float64) >= p
    # the scale as a 0-d tensor, computed in float64 and cast once
    scale = torch.tensor(0.0 if p == 1 else 1.0 / (1.0 - p), dtype=torch.float64)
    if not training:
        scale = torch.ones((), dtype=torch.float64)
    return (x.double() * keep * scale).to(x.dtype), keep


def dropout_backward(dout, keep_mask, p):
    scale = 0.0 if p == 1 else 1.0 / (1.0 - p)
    return (dout.double() * keep_mask.double() * scale).to(dout.dtype)
