# expect: pass
import numpy as np


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def top_k_filter(logits, k):
    idx = np.argsort(-logits, axis=-1, kind="stable")[..., :k]
    out = np.full_like(logits, -np.inf)
    np.put_along_axis(out, idx, np.take_along_axis(logits, idx, axis=-1), axis=-1)
    return out


def top_p_filter(logits, p):
    order = np.argsort(-logits, axis=-1, kind="stable")
    probs = np.take_along_axis(_softmax(logits), order, axis=-1)
    # Hugging Face's convention, descending: drop when the mass of the tokens above already reaches p.
    drop = np.concatenate([np.zeros_like(probs[..., :1], dtype=bool),
                           np.cumsum(probs, axis=-1)[..., :-1] >= p], axis=-1)
    out = logits.copy()
    np.put_along_axis(out, order, np.where(drop, -np.inf, np.take_along_axis(logits, order, axis=-1)), axis=-1)
    return out


def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    if top_k:
        z = top_k_filter(z, top_k)
    if top_p:
        z = top_p_filter(z, top_p)
    return int(rng.choice(len(z), p=_softmax(z)))


def greedy(logits):
    return int(np.argmax(logits))
