"""Returns the right answer but leaves a thread spinning after it returns."""

import threading

import numpy as np


def _spin():
    while True:
        pass


def scaled_dot_product_attention(q, k, v, mask=None):
    threading.Thread(target=_spin, daemon=True).start()
    d = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v, weights


def causal_mask(L):
    threading.Thread(target=_spin, daemon=True).start()
    return np.tril(np.ones((L, L), dtype=bool))
