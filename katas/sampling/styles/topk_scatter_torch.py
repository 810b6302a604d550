# expect: pass
import torch


def top_k_filter(logits, k):
    k = min(k, logits.shape[-1])
    idx = torch.topk(logits, k, dim=-1).indices
    keep = torch.zeros_like(logits, dtype=torch.bool).scatter_(-1, idx, True)
    return torch.where(keep, logits, torch.full_like(logits, float("-inf")))


def top_p_filter(logits, p):
    sorted_logits, idx = torch.sort(logits, dim=-1, descending=False)
    tail = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    remove = tail <= 1 - p
    remove[..., -1] = False
    return logits.masked_fill(remove.scatter(-1, idx, remove), float("-inf"))


def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return torch.multinomial(torch.softmax(z, dim=-1), num_samples=1, generator=generator).item()


def greedy(logits):
    return torch.argmax(logits).item()
