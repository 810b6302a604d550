"""The classic mistakes of sampling, PyTorch track: one class per mistake."""

import torch


def _top_k(logits, k):
    order = torch.sort(logits, dim=-1, descending=True, stable=True).indices
    keep = torch.zeros_like(logits, dtype=torch.bool).scatter(-1, order[..., :k], True)
    return logits.masked_fill(~keep, float("-inf"))


def _top_p(logits, p, keep_crossing=True):
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True, stable=True)
    probs = torch.softmax(sorted_logits, dim=-1)
    cumulative = probs.cumsum(dim=-1)
    in_order = cumulative - probs < p if keep_crossing else cumulative < p
    in_order[..., 0] = True
    keep = torch.zeros_like(in_order).scatter(-1, order, in_order)
    return logits.masked_fill(~keep, float("-inf"))


def _draw(z, generator):
    return int(torch.multinomial(torch.softmax(z, dim=-1), 1, generator=generator))


def _sample(logits, generator, temperature, top_k, top_p, top_k_filter, top_p_filter):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return _draw(z, generator)


def _greedy(logits):
    return int(torch.argmax(logits))


class nucleus_drops_crossing_token:
    def top_k_filter(logits, k):
        return _top_k(logits, k)

    def top_p_filter(logits, p):
        return _top_p(logits, p, keep_crossing=False)

    def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
        return _sample(logits, generator, temperature, top_k, top_p, _top_k,
                       lambda z, p: _top_p(z, p, keep_crossing=False))

    greedy = staticmethod(_greedy)


class top_k_keeps_ties:
    def top_k_filter(logits, k):
        kth = torch.topk(logits, k, dim=-1).values[..., -1:]
        return logits.masked_fill(logits < kth, float("-inf"))

    top_p_filter = staticmethod(_top_p)

    def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
        return _sample(logits, generator, temperature, top_k, top_p, top_k_keeps_ties.top_k_filter, _top_p)

    greedy = staticmethod(_greedy)


class temperature_after_filters:
    top_k_filter = staticmethod(_top_k)
    top_p_filter = staticmethod(_top_p)

    def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
        z = logits
        if top_k is not None:
            z = _top_k(z, top_k)
        if top_p is not None:
            z = _top_p(z, top_p)
        return _draw(z / temperature, generator)

    greedy = staticmethod(_greedy)


class temperature_multiplied:
    top_k_filter = staticmethod(_top_k)
    top_p_filter = staticmethod(_top_p)

    def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
        return _sample(logits * temperature, generator, 1.0, top_k, top_p, _top_k, _top_p)

    greedy = staticmethod(_greedy)


class global_random_state:
    top_k_filter = staticmethod(_top_k)
    top_p_filter = staticmethod(_top_p)

    def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
        return _sample(logits, None, temperature, top_k, top_p, _top_k, _top_p)

    greedy = staticmethod(_greedy)
