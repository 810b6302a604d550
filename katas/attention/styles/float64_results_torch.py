# expect: fail as dtype-hard-coded
"""Computes in float64 for accuracy and forgets to cast back: float32 in, float64 out."""

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    q, k, v = q.double(), k.double(), v.double()
    s = q @ k.transpose(-2, -1) / q.shape[-1] ** 0.5
    if mask is not None:
        s = s.masked_fill(~mask, float("-inf"))
    w = torch.softmax(s, dim=-1)
    return w @ v, w


def causal_mask(L):
    return torch.ones(L, L, dtype=torch.bool).tril()
