# expect: pass
# float64 throughout; the nucleus size by searchsorted; the draw by inverse CDF.
import torch


def top_k_filter(logits, k):
    order = torch.argsort(logits, dim=-1, descending=True, stable=True)
    keep = torch.zeros_like(logits, dtype=torch.bool)
    keep.scatter_(-1, order[..., :k], True)
    return logits.masked_fill(~keep, float("-inf"))


def top_p_filter(logits, p):
    flat = logits.reshape(-1, logits.shape[-1])
    out = torch.full_like(flat, float("-inf"))
    for r in range(flat.shape[0]):
        order = torch.argsort(flat[r], descending=True, stable=True)
        cumulative = torch.softmax(flat[r].double(), dim=0)[order].cumsum(0)
        size = min(int(torch.searchsorted(cumulative, torch.tensor([p], dtype=torch.float64, device=logits.device))) + 1,
                   flat.shape[1])
        out[r, order[:size]] = flat[r, order[:size]]
    return out.reshape(logits.shape)


def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
    z = logits.double() / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    probs = torch.softmax(z, dim=0)
    cdf = probs.cumsum(0)
    u = torch.rand((), generator=generator, device=logits.device, dtype=torch.float64) * cdf[-1]
    index = int(torch.searchsorted(cdf, u.reshape(1), right=True))
    return min(index, int(torch.nonzero(probs)[-1]))


def greedy(logits):
    return int(torch.argmax(logits))
