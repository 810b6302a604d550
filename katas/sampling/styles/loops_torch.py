# expect: pass
import math

import torch


def _row_top_k(row, k):
    order = sorted(range(len(row)), key=lambda i: -row[i])
    out = [-math.inf] * len(row)
    for i in order[:k]:
        out[i] = row[i]
    return out


def _row_top_p(row, p):
    m = max(row)
    weights = [math.exp(v - m) for v in row]
    total = sum(weights)
    out = [-math.inf] * len(row)
    mass = 0.0
    for i in sorted(range(len(row)), key=lambda i: -row[i]):
        if mass >= p:
            break
        out[i] = row[i]
        mass += weights[i] / total
    return out


def _rows(logits, fn, arg):
    rows = logits.reshape(-1, logits.shape[-1]).tolist()
    return torch.tensor([fn(r, arg) for r in rows], dtype=logits.dtype, device=logits.device).reshape(logits.shape)


def top_k_filter(logits, k):
    return _rows(logits, _row_top_k, k)


def top_p_filter(logits, p):
    return _rows(logits, _row_top_p, p)


def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
    z = [v / temperature for v in logits.tolist()]
    if top_k is not None:
        z = _row_top_k(z, top_k)
    if top_p is not None:
        z = _row_top_p(z, top_p)
    m = max(z)
    weights = [math.exp(v - m) for v in z]
    u = torch.rand((), generator=generator, device=logits.device).item() * sum(weights)
    last = 0
    for i, w in enumerate(weights):
        if w > 0:
            last = i
            if u < w:
                return i
            u -= w
    return last


def greedy(logits):
    values = logits.tolist()
    return values.index(max(values))
