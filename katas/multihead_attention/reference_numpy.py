"""Reference: multi-head attention in NumPy."""

import numpy as np


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    d = E // n_heads

    def split(x, W):
        # Feature j of a projection belongs to head j // d: reshape the
        # features into (heads, d), then move heads next to the batch.
        return (x @ W.T).reshape(N, x.shape[1], n_heads, d).transpose(0, 2, 1, 3)

    q, k, v = split(x_q, W_q), split(x_kv, W_k), split(x_kv, W_v)
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    if mask is not None:
        mask = np.asarray(mask, dtype=bool)
        if mask.ndim == 3:  # one mask per sequence, shared by its heads
            mask = mask[:, None]
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    heads = weights @ v  # (N, h, Lq, d)
    return heads.transpose(0, 2, 1, 3).reshape(N, Lq, E) @ W_o.T
