# expect: fail
"""Heads collected in a list and concatenated in reverse order."""

import math

import torch


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    d = E // n_heads
    split = lambda x, W: (x @ W.T).view(N, -1, n_heads, d).transpose(1, 2)
    q, k, v = split(x_q, W_q), split(x_kv, W_k), split(x_kv, W_v)
    s = q @ k.transpose(-2, -1) / math.sqrt(d)
    if mask is not None:
        s = s.masked_fill(~(mask.unsqueeze(1) if mask.dim() == 3 else mask), float("-inf"))
    o = torch.softmax(s, dim=-1) @ v
    return torch.cat([o[:, i] for i in reversed(range(n_heads))], dim=-1) @ W_o.T
