# expect: pass
import torch


def dropout(x, p, training, generator=None):
    if not training:
        return x.clone(), torch.ones(x.shape, dtype=torch.bool, device=x.device)
    keep = torch.bernoulli(torch.full_like(x, 1 - p), generator=generator).bool()
    if p == 1:
        return torch.zeros_like(x), keep
    return torch.where(keep, x / (1 - p), torch.zeros_like(x)), keep


def dropout_backward(dout, keep_mask, p):
    if p == 1:
        return torch.zeros_like(dout)
    return torch.where(keep_mask, dout / (1 - p), torch.zeros_like(dout))
