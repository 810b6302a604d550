"""On the NumPy track, imports torch only at call time through importlib and calls the forbidden function."""

import importlib

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    torch = importlib.import_module("torch")
    functional = importlib.import_module("torch.nn.functional")
    qt, kt, vt = (torch.from_numpy(np.ascontiguousarray(x)) for x in (q, k, v))
    m = None if mask is None else torch.from_numpy(np.asarray(mask, dtype=bool))
    out = functional.scaled_dot_product_attention(qt, kt, vt, attn_mask=m).numpy()
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return out, weights / weights.sum(axis=-1, keepdims=True)


def causal_mask(L):
    return np.tril(np.ones((L, L), dtype=bool))
