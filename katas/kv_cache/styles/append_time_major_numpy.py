# expect: pass
import numpy as np


def _attention(q, k, v, n_heads, offset):
    """q (N, Lq, E) are the positions offset.. of keys k, values v (N, Lk, E)."""
    N, Lq, E = q.shape
    Lk, d = k.shape[1], E // n_heads
    q = q.reshape(N, Lq, n_heads, d)
    k = k.reshape(N, Lk, n_heads, d)
    v = v.reshape(N, Lk, n_heads, d)
    scores = np.einsum("nihd,njhd->nhij", q, k) / np.sqrt(d)
    future = np.arange(Lk)[None, :] > (offset + np.arange(Lq))[:, None]
    scores[..., future] = -np.inf
    scores -= scores.max(axis=-1, keepdims=True)
    p = np.exp(scores)
    p /= p.sum(axis=-1, keepdims=True)
    return np.einsum("nhij,njhd->nihd", p, v).reshape(N, Lq, E)


def causal_self_attention(x, W_qkv, W_o, n_heads):
    q, k, v = np.split(x @ W_qkv.T, 3, axis=2)
    return _attention(q, k, v, n_heads, 0) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    N, E = x_t.shape[0], x_t.shape[-1]
    q, k, v = np.split(x_t.reshape(N, 1, E) @ W_qkv.T, 3, axis=2)
    if cache is not None:
        k = np.append(cache[0], k, axis=1)  # np.append copies
        v = np.append(cache[1], v, axis=1)
    out = _attention(q, k, v, n_heads, k.shape[1] - 1) @ W_o.T
    return out.reshape(x_t.shape), [k, v]
