# expect: pass
import numpy as np


def _project(x, W_qkv, n_heads):
    N, L, E = x.shape
    qkv = np.einsum("nle,fe->nlf", x, W_qkv).reshape(N, L, 3, n_heads, E // n_heads)
    return qkv[:, :, 0], qkv[:, :, 1], qkv[:, :, 2]  # (N, L, H, d) each


def _attend(q, k, v, allowed):
    scores = np.einsum("nqhd,nkhd->nhqk", q, k) / np.sqrt(q.shape[-1])
    scores = np.where(allowed, scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    out = np.einsum("nhqk,nkhd->nqhd", w, v)
    return out.reshape(out.shape[0], out.shape[1], -1)


def causal_self_attention(x, W_qkv, W_o, n_heads):
    q, k, v = _project(x, W_qkv, n_heads)
    L = x.shape[1]
    return _attend(q, k, v, np.tril(np.ones((L, L), dtype=bool))) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t.reshape(x_t.shape[0], 1, x_t.shape[-1])
    q, k, v = _project(x, W_qkv, n_heads)
    if cache is not None:
        k = np.concatenate([cache["k"], k], axis=1)
        v = np.concatenate([cache["v"], v], axis=1)
    out = _attend(q, k, v, True) @ W_o.T
    return out.reshape(x_t.shape), {"k": k, "v": v}
