# expect: fail as input-modified
import numpy as np


def _heads(t, H):
    N, L, E = t.shape
    return t.reshape(N, L, H, E // H).transpose(0, 2, 1, 3)


def _attention(q, k, v, allowed):
    s = np.where(allowed, q @ k.swapaxes(-1, -2) / np.sqrt(q.shape[-1]), -np.inf)
    e = np.exp(s - s.max(-1, keepdims=True))
    return (e / e.sum(-1, keepdims=True)) @ v


def causal_self_attention(x, W_qkv, W_o, n_heads):
    N, L, E = x.shape
    q, k, v = (_heads(t, n_heads) for t in np.split(x @ W_qkv.T, 3, -1))
    a = _attention(q, k, v, np.tril(np.ones((L, L), dtype=bool)))
    return a.transpose(0, 2, 1, 3).reshape(N, L, E) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    N, E = x_t.shape[0], x_t.shape[-1]
    q, k, v = (_heads(t, n_heads) for t in np.split(x_t.reshape(N, 1, E) @ W_qkv.T, 3, -1))
    if cache is None:
        cache = {"k": [], "v": []}
    cache["k"].append(k)   # grows the caller's cache in place
    cache["v"].append(v)
    K, V = np.concatenate(cache["k"], 2), np.concatenate(cache["v"], 2)
    out = _attention(q, K, V, True).transpose(0, 2, 1, 3).reshape(N, 1, E) @ W_o.T
    return out.reshape(x_t.shape), cache
