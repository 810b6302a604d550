# expect: fail as dtype-hard-coded
"""WRONG: computes in float64 and forgets to cast back: the torch track returns the input's dtype (float32)."""

import torch


def softmax(x, dim=-1, temperature=1.0):
    z = x.double() / temperature
    e = torch.exp(z - z.amax(dim=dim, keepdim=True))
    return e / e.sum(dim=dim, keepdim=True)


def log_softmax(x, dim=-1):
    z = x.double()
    z = z - z.amax(dim=dim, keepdim=True)
    return z - z.exp().sum(dim=dim, keepdim=True).log()
