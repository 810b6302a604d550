# expect: fail as causal-mask-without-diagonal
"""Attention is right, but causal_mask leaves out the diagonal (np.tril with k=-1): a position may not see itself."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ v, w


def causal_mask(L):
    return np.tril(np.ones((L, L), dtype=bool), k=-1)
