import torch


def log_softmax(x, dim=-1):
    z = x - x.max(dim=dim, keepdim=True).values
    p = z.exp() / z.exp().sum(dim=dim, keepdim=True)
    return torch.log(p)
