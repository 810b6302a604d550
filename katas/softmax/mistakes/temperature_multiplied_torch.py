import torch


def softmax(x, dim=-1, temperature=1.0):
    z = x * temperature
    z = z - z.max(dim=dim, keepdim=True).values
    e = torch.exp(z)
    return e / e.sum(dim=dim, keepdim=True)
