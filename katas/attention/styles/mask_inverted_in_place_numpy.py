# expect: fail as input-modified
"""Right answer, but flips the caller's mask in place (np.logical_not with out=) to get the blocked positions."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        blocked = np.logical_not(mask, out=mask)
        s = np.where(blocked, -np.inf, s)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ v, w


def causal_mask(L):
    return np.tril(np.ones((L, L), dtype=bool))
