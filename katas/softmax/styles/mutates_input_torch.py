# expect: fail as input-modified
"""WRONG: softmax divides x by T in place (x.div_) and shifts it in place: the caller's tensor changes."""

import torch


def softmax(x, dim=-1, temperature=1.0):
    x.div_(temperature)
    x.sub_(x.amax(dim=dim, keepdim=True))
    e = x.exp()
    return e / e.sum(dim=dim, keepdim=True)


def log_softmax(x, dim=-1):
    z = x - x.amax(dim=dim, keepdim=True)
    return z - z.exp().sum(dim=dim, keepdim=True).log()
