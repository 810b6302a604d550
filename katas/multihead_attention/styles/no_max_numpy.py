# expect: fail
"""Softmax without subtracting the row maximum: exp overflows on scores in the hundreds."""

import numpy as np


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    d = E // n_heads
    split = lambda x, W: (x @ W.T).reshape(N, x.shape[1], n_heads, d).transpose(0, 2, 1, 3)
    q, k, v = split(x_q, W_q), split(x_kv, W_k), split(x_kv, W_v)
    s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    w = np.exp(s)
    if mask is not None:
        w = w * (mask[:, None] if mask.ndim == 3 else mask)
    w = w / w.sum(axis=-1, keepdims=True)
    return (w @ v).transpose(0, 2, 1, 3).reshape(N, Lq, E) @ W_o.T
