# expect: pass
"""Softmax as exp(s - logsumexp(s)), the mask broadcast explicitly to (N, h, Lq, Lk), batched over N * h."""

import numpy as np


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    Lk = x_kv.shape[1]
    d = E // n_heads
    q = (x_q @ W_q.T).reshape(N, Lq, n_heads, d).swapaxes(1, 2).reshape(N * n_heads, Lq, d)
    k = (x_kv @ W_k.T).reshape(N, Lk, n_heads, d).swapaxes(1, 2).reshape(N * n_heads, Lk, d)
    v = (x_kv @ W_v.T).reshape(N, Lk, n_heads, d).swapaxes(1, 2).reshape(N * n_heads, Lk, d)
    s = np.matmul(q, k.transpose(0, 2, 1)) * d ** -0.5
    if mask is not None:
        full = np.broadcast_to(mask.reshape((N, 1, Lq, Lk) if mask.ndim == 3 else (1, 1, Lq, Lk)), (N, n_heads, Lq, Lk))
        s = np.where(full.reshape(N * n_heads, Lq, Lk), s, -np.inf)
    m = s.max(axis=-1, keepdims=True)
    lse = m + np.log(np.exp(s - m).sum(axis=-1, keepdims=True))
    o = np.exp(s - lse) @ v
    o = o.reshape(N, n_heads, Lq, d).swapaxes(1, 2).reshape(N, Lq, E)
    return o @ W_o.T
