"""Reference: multi-head attention in PyTorch."""

import math

import torch


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    d = E // n_heads

    def split(x, W):
        # Feature j of a projection belongs to head j // d: view the features
        # as (heads, d), then move heads next to the batch.
        return (x @ W.T).view(N, x.shape[1], n_heads, d).transpose(1, 2)

    q, k, v = split(x_q, W_q), split(x_kv, W_k), split(x_kv, W_v)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    if mask is not None:
        if mask.dim() == 3:  # one mask per sequence, shared by its heads
            mask = mask.unsqueeze(1)
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    heads = weights @ v  # (N, h, Lq, d)
    return heads.transpose(1, 2).reshape(N, Lq, E) @ W_o.T
