"""Reference: scaled dot-product attention in NumPy."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    # Shifting every score of a row by the same amount leaves the softmax
    # unchanged and keeps exp from overflowing.
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v, weights


def causal_mask(L):
    return np.tril(np.ones((L, L), dtype=bool))
