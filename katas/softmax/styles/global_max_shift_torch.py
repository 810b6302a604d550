# expect: fail as max-over-whole-array
"""WRONG: shifts by the global max (x.max()) but sums per slice: a slice far below it underflows to 0/0."""

import torch


def softmax(x, dim=-1, temperature=1.0):
    z = x / temperature
    e = torch.exp(z - z.max())
    return e / e.sum(dim=dim, keepdim=True)


def log_softmax(x, dim=-1):
    z = x - x.max()
    return z - z.exp().sum(dim=dim, keepdim=True).log()
