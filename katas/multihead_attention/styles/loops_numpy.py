# expect: pass
"""One head at a time over slices of the projected features, concatenated at the end."""

import numpy as np


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    E = x_q.shape[-1]
    d = E // n_heads
    q, k, v = x_q @ W_q.T, x_kv @ W_k.T, x_kv @ W_v.T
    outs = []
    for i in range(n_heads):
        cols = slice(i * d, (i + 1) * d)
        s = q[..., cols] @ k[..., cols].transpose(0, 2, 1) / np.sqrt(d)
        if mask is not None:
            # per head the scores are (N, Lq, Lk): either mask shape broadcasts as it is
            s = np.where(mask, s, -np.inf)
        s = s - s.max(axis=-1, keepdims=True)
        w = np.exp(s)
        w = w / w.sum(axis=-1, keepdims=True)
        outs.append(w @ v[..., cols])
    return np.concatenate(outs, axis=-1) @ W_o.T
