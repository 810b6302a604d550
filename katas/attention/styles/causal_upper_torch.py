# expect: fail as causal-mask-upper
"""Attention is right, but causal_mask uses triu: the wrong sign convention, each position sees the future."""

import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        s = s.masked_fill(~mask, float("-inf"))
    w = torch.softmax(s, dim=-1)
    return w @ v, w


def causal_mask(L):
    return torch.ones(L, L, dtype=torch.bool).triu()
