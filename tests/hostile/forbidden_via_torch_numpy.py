"""On the NumPy track, imports torch and calls the forbidden function through an alias, converting back to NumPy."""

import numpy as np
import torch
from torch.nn import functional as nnf

attend = nnf.scaled_dot_product_attention


def scaled_dot_product_attention(q, k, v, mask=None):
    qt, kt, vt = (torch.from_numpy(np.ascontiguousarray(x)) for x in (q, k, v))
    m = None if mask is None else torch.from_numpy(np.asarray(mask, dtype=bool))
    out = attend(qt, kt, vt, attn_mask=m).numpy()
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return out, weights / weights.sum(axis=-1, keepdims=True)


def causal_mask(L):
    return np.tril(np.ones((L, L), dtype=bool))
