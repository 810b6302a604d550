# expect: fail
# A generator of its own, seeded once per call: every seed passed in draws the same token.
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
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return int(np.random.default_rng(0).choice(len(z), p=_softmax(z)))


def greedy(logits):
    return int(np.argmax(logits))
