# expect: pass
import numpy as np


def _heads(t, H):
    N, L, E = t.shape
    return t.reshape(N, L, H, E // H).transpose(0, 2, 1, 3)


def _softmax(s):
    s = s - s.max(axis=-1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=-1, keepdims=True)


def causal_self_attention(x, W_qkv, W_o, n_heads):
    N, L, E = x.shape
    q, k, v = (_heads(x @ W_qkv[i * E:(i + 1) * E].T, n_heads) for i in range(3))
    bias = np.triu(np.full((L, L), -np.inf), k=1)
    a = _softmax(q @ k.transpose(0, 1, 3, 2) / np.sqrt(E // n_heads) + bias) @ v
    return a.transpose(0, 2, 1, 3).reshape(N, L, E) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    squeeze = x_t.ndim == 2
    x = np.expand_dims(x_t, 1) if squeeze else x_t
    N, _, E = x.shape
    q, k, v = (_heads(x @ W_qkv[i * E:(i + 1) * E].T, n_heads) for i in range(3))
    if cache is not None:
        k = np.concatenate((cache[0], k), axis=2)
        v = np.concatenate((cache[1], v), axis=2)
    # the newest token is the last position: every cached key is in its past
    a = _softmax(q @ k.transpose(0, 1, 3, 2) / np.sqrt(E // n_heads)) @ v
    out = a.transpose(0, 2, 1, 3).reshape(N, 1, E) @ W_o.T
    return (out[:, 0] if squeeze else out), (k, v)
