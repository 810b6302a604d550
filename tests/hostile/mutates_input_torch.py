"""Returns the right values but zeroes its input q in place."""

import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    q.zero_()
    return weights @ v, weights


def causal_mask(L):
    return torch.ones(L, L, dtype=torch.bool).tril()
