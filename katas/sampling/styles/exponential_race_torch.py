# expect: pass
# The draw as argmax(probs / E) with E ~ Exp(1): the same distribution as multinomial.
import torch


def top_k_filter(logits, k):
    ranks = torch.sort(logits, dim=-1, descending=True, stable=True).indices.argsort(dim=-1)
    return logits.masked_fill(ranks >= k, float("-inf"))


def top_p_filter(logits, p):
    probs, idx = torch.sort(torch.softmax(logits.double(), dim=-1), dim=-1, descending=True, stable=True)
    before = torch.cumsum(probs, dim=-1) - probs
    keep = torch.zeros_like(before, dtype=torch.bool).scatter(-1, idx, before < p)
    return torch.where(keep, logits, torch.tensor(float("-inf"), dtype=logits.dtype, device=logits.device))


def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    probs = torch.softmax(z, dim=-1)
    e = torch.empty_like(probs).exponential_(1.0, generator=generator)
    return int(torch.argmax(probs / e))


def greedy(logits):
    return int(torch.nonzero(logits == logits.max())[0, 0])
