# expect: pass
"""A Python loop over the heads, each a slice of the projected features; torch.softmax on masked scores."""

import math

import torch


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    d = x_q.shape[-1] // n_heads
    q, k, v = x_q @ W_q.T, x_kv @ W_k.T, x_kv @ W_v.T
    outs = []
    for i in range(n_heads):
        qi, ki, vi = (t[..., i * d:(i + 1) * d] for t in (q, k, v))
        s = qi @ ki.transpose(1, 2) / math.sqrt(d)
        if mask is not None:
            # per head the scores are (N, Lq, Lk): either mask shape broadcasts as it is
            s = s.masked_fill(mask.logical_not(), float("-inf"))
        outs.append(torch.softmax(s, dim=-1) @ vi)
    return torch.cat(outs, dim=-1) @ W_o.T
