# expect: fail as max-over-whole-array
"""Subtracts one maximum over the whole score array instead of each row's: rows far below it underflow to 0/0."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    w = np.exp(s - s.max())
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ v, w


def causal_mask(L):
    return np.tril(np.ones((L, L), dtype=bool))
