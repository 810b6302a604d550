"""Returns np.matrix (an ndarray subclass with different semantics) instead of a plain array."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    d = q.shape[-1]
    scores = np.asmatrix(q) @ np.asmatrix(k).T / np.sqrt(d)
    if mask is not None:
        scores = np.asmatrix(np.where(mask, scores, -np.inf))
    weights = np.exp(scores - scores.max(axis=-1))
    weights = weights / weights.sum(axis=-1)
    return weights @ np.asmatrix(v), weights


def causal_mask(L):
    return np.asmatrix(np.tril(np.ones((L, L), dtype=bool)))
