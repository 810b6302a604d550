"""Reference: top-k and top-p (nucleus) filtering, sampling and greedy decoding, in NumPy."""

import numpy as np


def _softmax(z):
    # Filtered entries are -inf: exp(-inf - max) is 0, so they get no probability.
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _keep_sorted(logits, keep_in_order):
    """-inf everywhere but where keep_in_order (a mask over the descending order) is True."""
    # A stable sort of -logits puts ties in index order, so exactly the mask's count is kept.
    order = np.argsort(-logits, axis=-1, kind="stable")
    keep = np.zeros(logits.shape, dtype=bool)
    np.put_along_axis(keep, order, keep_in_order, axis=-1)
    return np.where(keep, logits, -np.inf)


def top_k_filter(logits, k):
    n = logits.shape[-1]
    rank = np.broadcast_to(np.arange(n), logits.shape)
    return _keep_sorted(logits, rank < k)


def top_p_filter(logits, p):
    probs = np.take_along_axis(_softmax(logits), np.argsort(-logits, axis=-1, kind="stable"), axis=-1)
    # A token is in the nucleus when the tokens before it have not reached p yet: that keeps
    # the token whose probability crosses p, and the top token always (0 < p).
    before = np.cumsum(probs, axis=-1) - probs
    return _keep_sorted(logits, before < p)


def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    probs = _softmax(z)
    # Inverse CDF: the first token whose cumulative probability exceeds a uniform draw.
    index = int(np.searchsorted(np.cumsum(probs), rng.random() * probs.sum(), side="right"))
    # Rounding can leave the last cumulative sum below the draw: fall back on the last kept token.
    return min(index, int(np.flatnonzero(probs > 0)[-1]))


def greedy(logits):
    return int(np.argmax(logits))
