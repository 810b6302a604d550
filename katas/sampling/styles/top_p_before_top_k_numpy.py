# expect: fail
# Both filters computed on the tempered logits and intersected: top-p sees the full
# distribution, not what top-k left.
import numpy as np


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def top_k_filter(logits, k):
    idx = np.argsort(-logits, axis=-1, kind="stable")[..., :k]
    keep = np.zeros(logits.shape, dtype=bool)
    np.put_along_axis(keep, idx, True, axis=-1)
    return np.where(keep, logits, -np.inf)


def top_p_filter(logits, p):
    order = np.argsort(-logits, axis=-1, kind="stable")
    probs = np.take_along_axis(_softmax(logits), order, axis=-1)
    keep = np.zeros(logits.shape, dtype=bool)
    np.put_along_axis(keep, order, np.cumsum(probs, axis=-1) - probs < p, axis=-1)
    return np.where(keep, logits, -np.inf)


def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    keep = np.ones(z.shape, dtype=bool)
    if top_k is not None:
        keep &= np.isfinite(top_k_filter(z, top_k))
    if top_p is not None:
        keep &= np.isfinite(top_p_filter(z, top_p))
    return int(rng.choice(len(z), p=_softmax(np.where(keep, z, -np.inf))))


def greedy(logits):
    return int(np.argmax(logits))
