# expect: pass
import numpy as np


def _attend_one(q, ks, vs):
    """One query vector against lists of key and value vectors."""
    scores = np.array([q @ k for k in ks]) / np.sqrt(len(q))
    w = np.exp(scores - scores.max())
    w = w / w.sum()
    return sum(wi * vi for wi, vi in zip(w, vs))


def causal_self_attention(x, W_qkv, W_o, n_heads):
    N, L, E = x.shape
    d = E // n_heads
    qkv = x @ W_qkv.T
    out = np.zeros((N, L, E))
    for n in range(N):
        for h in range(n_heads):
            q = qkv[n, :, h * d:(h + 1) * d]
            k = qkv[n, :, E + h * d:E + (h + 1) * d]
            v = qkv[n, :, 2 * E + h * d:2 * E + (h + 1) * d]
            for i in range(L):
                out[n, i, h * d:(h + 1) * d] = _attend_one(q[i], list(k[:i + 1]), list(v[:i + 1]))
    return out @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    N, E = x_t.shape[0], x_t.shape[-1]
    d = E // n_heads
    qkv = x_t.reshape(N, E) @ W_qkv.T
    # the cache is a list of (k, v) pairs of shape (N, E), one per step; a new list each time
    cache = ([] if cache is None else list(cache)) + [(qkv[:, E:2 * E], qkv[:, 2 * E:])]
    out = np.zeros((N, E))
    for n in range(N):
        for h in range(n_heads):
            cols = slice(h * d, (h + 1) * d)
            out[n, cols] = _attend_one(qkv[n, cols], [k[n, cols] for k, _ in cache], [v[n, cols] for _, v in cache])
    return (out @ W_o.T).reshape(x_t.shape), cache
