# expect: fail as causal-mask-misaligned
import numpy as np


def _heads(t, H):
    N, L, E = t.shape
    return t.reshape(N, L, H, E // H).transpose(0, 2, 1, 3)


def _masked_attention(q, k, v):
    mask = np.tril(np.ones((q.shape[2], k.shape[2]), dtype=bool))
    s = np.where(mask, q @ k.swapaxes(-1, -2) / np.sqrt(q.shape[-1]), -np.inf)
    e = np.exp(s - s.max(-1, keepdims=True))
    return (e / e.sum(-1, keepdims=True)) @ v


def causal_self_attention(x, W_qkv, W_o, n_heads):
    N, L, E = x.shape
    q, k, v = (_heads(t, n_heads) for t in np.split(x @ W_qkv.T, 3, -1))
    return _masked_attention(q, k, v).transpose(0, 2, 1, 3).reshape(N, L, E) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    N, E = x_t.shape[0], x_t.shape[-1]
    q, k, v = (_heads(t, n_heads) for t in np.split(x_t.reshape(N, 1, E) @ W_qkv.T, 3, -1))
    if cache is not None:
        k, v = np.concatenate([cache[0], k], 2), np.concatenate([cache[1], v], 2)
    out = _masked_attention(q, k, v).transpose(0, 2, 1, 3).reshape(N, 1, E) @ W_o.T
    return out.reshape(x_t.shape), (k, v)
