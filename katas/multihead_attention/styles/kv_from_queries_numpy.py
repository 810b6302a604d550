# expect: fail
"""Keys and values projected from x_q: self-attention only, wrong for cross-attention."""

import numpy as np


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, L, E = x_q.shape
    d = E // n_heads
    q, k, v = ((x_q @ W.T).reshape(N, L, n_heads, d).transpose(0, 2, 1, 3) for W in (W_q, W_k, W_v))
    s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    if mask is not None:
        s = np.where(mask[:, None] if mask.ndim == 3 else mask, s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ v).transpose(0, 2, 1, 3).reshape(N, L, E) @ W_o.T
