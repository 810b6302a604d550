# expect: fail
# top_p_filter normalises over dim 0, the batch, instead of the vocabulary.
import torch


def top_k_filter(logits, k):
    idx = torch.topk(logits, min(k, logits.shape[-1]), dim=-1).indices
    keep = torch.zeros_like(logits, dtype=torch.bool).scatter_(-1, idx, True)
    return logits.masked_fill(~keep, float("-inf"))


def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=0)
    sorted_probs, idx = torch.sort(probs, dim=-1, descending=True)
    keep = torch.zeros_like(logits, dtype=torch.bool).scatter(-1, idx, sorted_probs.cumsum(-1) - sorted_probs < p)
    return logits.masked_fill(~keep, float("-inf"))


def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return int(torch.multinomial(z.softmax(-1), 1, generator=generator))


def greedy(logits):
    return int(torch.argmax(logits))
