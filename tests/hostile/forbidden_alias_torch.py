"""Calls the forbidden torch.nn.functional.scaled_dot_product_attention through an alias bound at import."""

import torch
from torch.nn.functional import scaled_dot_product_attention as attend


def scaled_dot_product_attention(q, k, v, mask=None):
    out = attend(q, k, v, attn_mask=mask)
    scores = q @ k.transpose(-2, -1) / q.shape[-1] ** 0.5
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return out, torch.softmax(scores, dim=-1)


def causal_mask(L):
    return torch.ones(L, L, dtype=torch.bool).tril()
