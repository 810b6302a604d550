import torch


def rms_norm(x, weight, eps=1e-6):
    centred = x - x.mean(dim=-1, keepdim=True)
    rms = torch.sqrt(centred.pow(2).mean(dim=-1, keepdim=True) + eps)
    return centred / rms * weight
