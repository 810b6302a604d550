"""The classic mistakes of sampling, NumPy track: one class per mistake."""

import numpy as np


def _softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _top_k(logits, k):
    order = np.argsort(-logits, axis=-1, kind="stable")
    keep = np.zeros(logits.shape, dtype=bool)
    np.put_along_axis(keep, order[..., :k], True, axis=-1)
    return np.where(keep, logits, -np.inf)


def _top_p(logits, p, keep_crossing=True):
    order = np.argsort(-logits, axis=-1, kind="stable")
    probs = np.take_along_axis(_softmax(logits), order, axis=-1)
    cumulative = np.cumsum(probs, axis=-1)
    in_order = cumulative - probs < p if keep_crossing else cumulative < p
    in_order[..., 0] = True
    keep = np.zeros(logits.shape, dtype=bool)
    np.put_along_axis(keep, order, in_order, axis=-1)
    return np.where(keep, logits, -np.inf)


def _draw(z, rng):
    return int(rng.choice(z.shape[-1], p=_softmax(z)))


def _sample(logits, rng, temperature, top_k, top_p, top_k_filter, top_p_filter):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return _draw(z, rng)


def _greedy(logits):
    return int(np.argmax(logits))


class nucleus_drops_crossing_token:
    def top_k_filter(logits, k):
        return _top_k(logits, k)

    def top_p_filter(logits, p):
        return _top_p(logits, p, keep_crossing=False)

    def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
        return _sample(logits, rng, temperature, top_k, top_p, _top_k,
                       lambda z, p: _top_p(z, p, keep_crossing=False))

    greedy = staticmethod(_greedy)


class top_k_keeps_ties:
    def top_k_filter(logits, k):
        kth = np.sort(logits, axis=-1)[..., -k][..., None]
        return np.where(logits >= kth, logits, -np.inf)

    top_p_filter = staticmethod(_top_p)

    def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
        return _sample(logits, rng, temperature, top_k, top_p, top_k_keeps_ties.top_k_filter, _top_p)

    greedy = staticmethod(_greedy)


class temperature_after_filters:
    top_k_filter = staticmethod(_top_k)
    top_p_filter = staticmethod(_top_p)

    def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
        z = logits
        if top_k is not None:
            z = _top_k(z, top_k)
        if top_p is not None:
            z = _top_p(z, top_p)
        return _draw(z / temperature, rng)

    greedy = staticmethod(_greedy)


class temperature_multiplied:
    top_k_filter = staticmethod(_top_k)
    top_p_filter = staticmethod(_top_p)

    def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
        return _sample(logits * temperature, rng, 1.0, top_k, top_p, _top_k, _top_p)

    greedy = staticmethod(_greedy)


class global_random_state:
    top_k_filter = staticmethod(_top_k)
    top_p_filter = staticmethod(_top_p)

    def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
        return _sample(logits, np.random, temperature, top_k, top_p, _top_k, _top_p)

    greedy = staticmethod(_greedy)
