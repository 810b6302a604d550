# expect: fail like normalised-over-whole-array
"""WRONG: the maximum is per slice, but the sum runs over the whole array: the whole array sums to 1."""

import torch
def softmax(x, dim=-1, temperature=1.0):
    z = x / temperature
    e = torch.exp(z - z.amax(dim=dim, keepdim=True))
    return e / e.sum()
def log_softmax(x, dim=-1):
    z = x - x.amax(dim=dim, keepdim=True)
    return z - z.exp().sum().log()
