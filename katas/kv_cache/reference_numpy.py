"""Reference: causal multi-head self-attention and one decoding step with a KV cache, in NumPy."""

import numpy as np


def _split_heads(t, n_heads):
    """(N, L, E) -> (N, heads, L, E // heads)."""
    N, L, E = t.shape
    return t.reshape(N, L, n_heads, E // n_heads).transpose(0, 2, 1, 3)


def _merge_heads(t):
    """(N, heads, L, d) -> (N, L, heads * d)."""
    N, H, L, d = t.shape
    return t.transpose(0, 2, 1, 3).reshape(N, L, H * d)


def _causal_attention(q, k, v):
    """Queries are the last Lq of the Lk positions, so query i may see keys 0 .. Lk - Lq + i."""
    Lq, Lk, d = q.shape[-2], k.shape[-2], q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    allowed = np.arange(Lk)[None, :] <= np.arange(Lk - Lq, Lk)[:, None]
    scores = np.where(allowed, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v


def causal_self_attention(x, W_qkv, W_o, n_heads):
    q, k, v = (_split_heads(t, n_heads) for t in np.split(x @ W_qkv.T, 3, axis=-1))
    return _merge_heads(_causal_attention(q, k, v)) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t[:, None, :] if x_t.ndim == 2 else x_t
    q, k, v = (_split_heads(t, n_heads) for t in np.split(x @ W_qkv.T, 3, axis=-1))
    if cache is not None:
        # concatenate makes new arrays: the cache passed in stays as it was,
        # so another continuation can start from it.
        k = np.concatenate([cache[0], k], axis=2)
        v = np.concatenate([cache[1], v], axis=2)
    out = _merge_heads(_causal_attention(q, k, v)) @ W_o.T
    return (out[:, 0] if x_t.ndim == 2 else out), (k, v)
