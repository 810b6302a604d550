# expect: pass
# top-k by argpartition, the nucleus size by searchsorted, the draw by the Gumbel-max trick.
import numpy as np


def top_k_filter(logits, k):
    n = logits.shape[-1]
    if k >= n:
        return logits.copy()
    idx = np.argpartition(logits, n - k, axis=-1)[..., n - k:]
    keep = np.zeros(logits.shape, dtype=bool)
    np.put_along_axis(keep, idx, True, axis=-1)
    return np.where(keep, logits, -np.inf)


def top_p_filter(logits, p):
    flat = logits.reshape(-1, logits.shape[-1])
    out = np.full_like(flat, -np.inf)
    for row, src in zip(out, flat):
        order = np.argsort(src)[::-1]
        e = np.exp(src[order] - src[order[0]])
        cumulative = np.cumsum(e / e.sum())
        size = min(int(np.searchsorted(cumulative, p, side="left")) + 1, len(src))
        row[order[:size]] = src[order[:size]]
    return out.reshape(logits.shape)


def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    # argmax of z + Gumbel noise is distributed as softmax(z); -inf stays -inf.
    return int(np.argmax(z + rng.gumbel(size=z.shape)))


def greedy(logits):
    return np.argmax(logits).item()
