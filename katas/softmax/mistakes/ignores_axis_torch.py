import torch


def softmax(x, dim=-1, temperature=1.0):
    z = x / temperature
    z = z - z.max(dim=-1, keepdim=True).values
    e = z.exp()
    return e / e.sum(dim=-1, keepdim=True)


def log_softmax(x, dim=-1):
    z = x - x.max(dim=-1, keepdim=True).values
    return z - z.exp().sum(dim=-1, keepdim=True).log()
