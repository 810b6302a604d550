"""Classic mistakes of the KV cache, NumPy track: one class per mistake."""

import numpy as np

def _split_heads(t, n_heads):
    N, L, E = t.shape
    return t.reshape(N, L, n_heads, E // n_heads).transpose(0, 2, 1, 3)


def _merge_heads(t):
    N, H, L, d = t.shape
    return t.transpose(0, 2, 1, 3).reshape(N, L, H * d)


def _softmax_rows(scores):
    scores = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    return e / e.sum(axis=-1, keepdims=True)


def _attend(q, k, v, allowed):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    return _softmax_rows(np.where(allowed, scores, -np.inf)) @ v


def _project(x, W_qkv, n_heads):
    return [_split_heads(t, n_heads) for t in np.split(x @ W_qkv.T, 3, axis=-1)]


def _bottom_right(Lq, Lk):
    return np.arange(Lk)[None, :] <= np.arange(Lk - Lq, Lk)[:, None]


class causal_mask_without_diagonal:
    def causal_self_attention(x, W_qkv, W_o, n_heads):
        q, k, v = _project(x, W_qkv, n_heads)
        L = x.shape[1]
        allowed = np.tril(np.ones((L, L), dtype=bool), k=-1)  # blocks each position's own key
        return _merge_heads(_attend(q, k, v, allowed)) @ W_o.T

    def decode_step(x_t, cache, W_qkv, W_o, n_heads):
        x = x_t[:, None, :] if x_t.ndim == 2 else x_t
        q, k, v = _project(x, W_qkv, n_heads)
        if cache is not None:
            k = np.concatenate([cache[0], k], axis=2)
            v = np.concatenate([cache[1], v], axis=2)
        Lk = k.shape[2]
        allowed = np.arange(Lk) < Lk - 1  # every key but the token's own
        out = _merge_heads(_attend(q, k, v, allowed)) @ W_o.T
        return (out[:, 0] if x_t.ndim == 2 else out), (k, v)


class cache_grown_on_wrong_axis:
    def decode_step(x_t, cache, W_qkv, W_o, n_heads):
        x = x_t[:, None, :] if x_t.ndim == 2 else x_t
        N, _, E = x.shape
        q, k, v = np.split(x @ W_qkv.T, 3, axis=-1)
        if cache is not None:
            k = np.concatenate([cache[0], k], axis=0)  # the batch axis, not time
            v = np.concatenate([cache[1], v], axis=0)
        q = _split_heads(q, n_heads)
        keys = _split_heads(k.reshape(N, -1, E), n_heads)
        values = _split_heads(v.reshape(N, -1, E), n_heads)
        out = _merge_heads(_attend(q, keys, values, True)) @ W_o.T
        return (out[:, 0] if x_t.ndim == 2 else out), (k, v)


class recompute_past_keys:
    def decode_step(x_t, cache, W_qkv, W_o, n_heads):
        x = x_t[:, None, :] if x_t.ndim == 2 else x_t
        q, k, v = _project(x, W_qkv, n_heads)
        if cache is not None:
            v = np.concatenate([cache, v], axis=2)
        k = np.repeat(k, v.shape[2], axis=2)  # every past key from x_t
        out = _merge_heads(_attend(q, k, v, True)) @ W_o.T
        return (out[:, 0] if x_t.ndim == 2 else out), v


class causal_mask_misaligned:
    def decode_step(x_t, cache, W_qkv, W_o, n_heads):
        x = x_t[:, None, :] if x_t.ndim == 2 else x_t
        q, k, v = _project(x, W_qkv, n_heads)
        if cache is not None:
            k = np.concatenate([cache[0], k], axis=2)
            v = np.concatenate([cache[1], v], axis=2)
        allowed = np.tril(np.ones((q.shape[2], k.shape[2]), dtype=bool))  # top-left: sees key 0 only
        out = _merge_heads(_attend(q, k, v, allowed)) @ W_o.T
        return (out[:, 0] if x_t.ndim == 2 else out), (k, v)
