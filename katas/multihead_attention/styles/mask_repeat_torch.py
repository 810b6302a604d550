# expect: fail
"""Folds the heads sequence-major but repeats the (N, Lq, Lk) mask head-major (repeat, not repeat_interleave)."""

import math

import torch


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    d = E // n_heads
    fold = lambda t: t.view(N, -1, n_heads, d).transpose(1, 2).reshape(N * n_heads, -1, d)
    q, k, v = fold(x_q @ W_q.T), fold(x_kv @ W_k.T), fold(x_kv @ W_v.T)
    s = torch.bmm(q, k.transpose(1, 2)) / math.sqrt(d)
    if mask is not None:
        if mask.dim() == 3:
            mask = mask.repeat(n_heads, 1, 1)
        s = s.masked_fill(~mask, -math.inf)
    o = torch.bmm(torch.softmax(s, dim=-1), v)
    return o.view(N, n_heads, Lq, d).transpose(1, 2).reshape(N, Lq, E) @ W_o.T
