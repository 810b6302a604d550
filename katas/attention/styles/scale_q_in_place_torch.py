# expect: fail as input-modified
"""Right values, but scales the caller's q in place with q.mul_ (inputs must not be modified)."""

import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    q.mul_(1.0 / math.sqrt(q.shape[-1]))
    s = q @ k.transpose(-2, -1)
    if mask is not None:
        s = s.masked_fill(~mask, float("-inf"))
    s = s - s.amax(dim=-1, keepdim=True)
    w = s.exp()
    w = w / w.sum(dim=-1, keepdim=True)
    return w @ v, w


def causal_mask(L):
    return torch.ones(L, L, dtype=torch.bool).tril()
