# expect: pass
"""Heads kept as an axis after the positions: einsum over (N, L, h, d) without any transpose."""

import numpy as np


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    Lk = x_kv.shape[1]
    d = E // n_heads
    q = np.einsum("nle,fe->nlf", x_q, W_q).reshape(N, Lq, n_heads, d)
    k = np.einsum("nle,fe->nlf", x_kv, W_k).reshape(N, Lk, n_heads, d)
    v = np.einsum("nle,fe->nlf", x_kv, W_v).reshape(N, Lk, n_heads, d)
    s = np.einsum("nqhd,nkhd->nhqk", q, k) / np.sqrt(d)
    if mask is not None:
        m = mask if mask.ndim == 2 else mask[:, np.newaxis, :, :]
        s = np.where(m, s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    o = np.einsum("nhqk,nkhd->nqhd", w, v).reshape(N, Lq, E)
    return np.einsum("nqe,fe->nqf", o, W_o)
