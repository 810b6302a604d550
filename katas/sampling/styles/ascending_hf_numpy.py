# expect: pass
# The nucleus the Hugging Face way: sort ascending and drop the tail whose mass is <= 1 - p.
import numpy as np


def top_k_filter(logits, k):
    ranks = np.argsort(np.argsort(-logits, axis=-1, kind="stable"), axis=-1, kind="stable")
    return np.where(ranks < k, logits, -np.inf)


def top_p_filter(logits, p):
    order = np.argsort(logits, axis=-1, kind="stable")
    s = np.take_along_axis(logits, order, axis=-1)
    e = np.exp(s - s[..., -1:])
    tail = np.cumsum(e / e.sum(axis=-1, keepdims=True), axis=-1)
    remove = tail <= 1 - p
    remove[..., -1] = False
    mask = np.empty_like(remove)
    np.put_along_axis(mask, order, remove, axis=-1)
    return np.where(mask, -np.inf, logits)


def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
    z = np.asarray(logits, dtype=np.float64) / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    w = np.exp(z - z.max())
    cdf = np.cumsum(w) / w.sum()
    return min(int(np.searchsorted(cdf, rng.uniform(), side="right")), int(np.flatnonzero(w)[-1]))


def greedy(logits):
    return int(np.flatnonzero(logits == logits.max())[0])
