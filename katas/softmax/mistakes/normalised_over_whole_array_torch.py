import torch


def softmax(x, dim=-1, temperature=1.0):
    z = x / temperature
    e = torch.exp(z - torch.max(z))
    return e / torch.sum(e)


def log_softmax(x, dim=-1):
    z = x - torch.max(x)
    return z - torch.log(torch.sum(torch.exp(z)))
