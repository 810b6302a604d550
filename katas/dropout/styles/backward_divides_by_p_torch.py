# expect: fail as p-as-keep-probability
# A right forward pass; the backward divides by p, the drop probability.
import torch


def dropout(x, p, training, generator=None):
    if not training:
        return x, torch.ones_like(x, dtype=torch.bool)
    keep = torch.rand(x.shape, generator=generator, device=x.device) >= p
    return x * keep * (1 / (1 - p) if p < 1 else 0.0), keep


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask / p
