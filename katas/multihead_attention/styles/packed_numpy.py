# expect: pass
"""One packed (3E, E) projection as nn.MultiheadAttention stores it, split after the matmul."""

import numpy as np


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    d = E // n_heads
    W_in = np.concatenate([W_q, W_k, W_v])
    q = x_q @ W_in[:E].T
    kv = x_kv @ W_in[E:].T
    k, v = kv[..., :E], kv[..., E:]

    def heads(t):
        return np.moveaxis(t.reshape(t.shape[0], t.shape[1], n_heads, d), 2, 1)

    q, k, v = heads(q), heads(k), heads(v)
    s = (q / np.sqrt(d)) @ np.swapaxes(k, -1, -2)
    if mask is not None:
        s = np.where(np.reshape(mask, (-1, 1) + mask.shape[-2:]) if mask.ndim == 3 else mask, s, -np.inf)
    p = np.exp(s - np.max(s, axis=-1, keepdims=True))
    p /= np.sum(p, axis=-1, keepdims=True)
    o = np.moveaxis(p @ v, 1, 2).reshape(N, Lq, E)
    return o @ W_o.T
