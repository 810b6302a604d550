# expect: fail
# sample and greedy return 0-d tensors, not Python ints.
import torch


def top_k_filter(logits, k):
    idx = torch.topk(logits, min(k, logits.shape[-1]), dim=-1).indices
    keep = torch.zeros_like(logits, dtype=torch.bool).scatter_(-1, idx, True)
    return logits.masked_fill(~keep, float("-inf"))


def top_p_filter(logits, p):
    sorted_logits, idx = torch.sort(logits, dim=-1, descending=True)
    probs = sorted_logits.softmax(dim=-1)
    keep = torch.zeros_like(logits, dtype=torch.bool).scatter(-1, idx, probs.cumsum(-1) - probs < p)
    return logits.masked_fill(~keep, float("-inf"))


def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return torch.multinomial(z.softmax(-1), 1, generator=generator)[0]


def greedy(logits):
    return torch.argmax(logits)
