# expect: fail
"""exp of the raw scores, no maximum subtracted: float32 overflows past a score of about 88."""

import math, torch
def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape; d = E // n_heads
    sp = lambda x, W: (x @ W.T).view(N, -1, n_heads, d).transpose(1, 2)
    q, k, v = sp(x_q, W_q), sp(x_kv, W_k), sp(x_kv, W_v)
    s = (q @ k.transpose(-2, -1) / math.sqrt(d)).exp()
    if mask is not None:
        s = s * (mask.unsqueeze(1) if mask.dim() == 3 else mask)
    w = s / s.sum(-1, keepdim=True)
    return (w @ v).transpose(1, 2).reshape(N, Lq, E) @ W_o.T
