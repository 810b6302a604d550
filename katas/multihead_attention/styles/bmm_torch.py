# expect: pass
"""(N * h, L, d) batches for torch.bmm, the mask repeated per head with repeat_interleave."""

import math

import torch


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    Lk = x_kv.shape[1]
    d = E // n_heads

    def fold(t, L):
        return t.view(N, L, n_heads, d).transpose(1, 2).reshape(N * n_heads, L, d)

    q, k, v = fold(x_q @ W_q.t(), Lq), fold(x_kv @ W_k.t(), Lk), fold(x_kv @ W_v.t(), Lk)
    s = torch.bmm(q, k.transpose(1, 2)).div(math.sqrt(d))
    if mask is not None:
        if mask.dim() == 3:
            mask = mask.repeat_interleave(n_heads, dim=0)  # sequence-major, as the heads were folded
        s = s.masked_fill(~mask, -math.inf)
    o = torch.bmm(s.softmax(dim=-1), v)
    o = o.view(N, n_heads, Lq, d).transpose(1, 2).reshape(N, Lq, E)
    return o @ W_o.t()
