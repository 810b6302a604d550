"""Reference: top-k and top-p (nucleus) filtering, sampling and greedy decoding, in PyTorch."""

import torch


def _keep_sorted(logits, keep_in_order, order):
    """-inf everywhere but where keep_in_order (a mask over `order`) is True."""
    keep = torch.zeros_like(keep_in_order).scatter(-1, order, keep_in_order)
    return logits.masked_fill(~keep, float("-inf"))


def _order(logits):
    # Stable, so ties stay in index order and exactly the mask's count of them is kept.
    return torch.sort(logits, dim=-1, descending=True, stable=True).indices


def top_k_filter(logits, k):
    order = _order(logits)
    rank = torch.arange(logits.shape[-1], device=logits.device).expand(logits.shape)
    return _keep_sorted(logits, rank < k, order)


def top_p_filter(logits, p):
    order = _order(logits)
    probs = torch.softmax(logits, dim=-1).gather(-1, order)
    # In the nucleus when the tokens before it have not reached p: the crossing token is kept.
    before = torch.cumsum(probs, dim=-1) - probs
    return _keep_sorted(logits, before < p, order)


def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return int(torch.multinomial(torch.softmax(z, dim=-1), 1, generator=generator))


def greedy(logits):
    return int(torch.argmax(logits))
