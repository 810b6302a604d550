# expect: fail as p-as-keep-probability
# Normal draws compared with p as if it were the keep probability, divided by p:
# two mistakes at once.
import torch


def dropout(x, p, training, generator=None):
    if not training:
        return x, torch.ones_like(x, dtype=torch.bool)
    mask = torch.randn(x.shape, generator=generator, device=x.device) < p
    return x * mask / p, mask


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask / p
