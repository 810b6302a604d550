# expect: pass
"""F.logsigmoid and F.log_softmax (allowed), gather for the label, torch.maximum against a tensor eps."""

import torch
import torch.nn.functional as F


def mse(pred, target):
    return torch.mean(torch.square(pred - target))


def mae(pred, target):
    return torch.mean(torch.abs(pred - target))


def binary_cross_entropy(probs, target, eps=1e-12):
    floor = torch.tensor(eps, dtype=probs.dtype, device=probs.device)
    log_p = torch.log(torch.maximum(probs, floor))
    log_not_p = torch.log(torch.maximum(1 - probs, floor))
    return -torch.mean(target * log_p + (1 - target) * log_not_p)


def bce_with_logits(logits, target):
    return -torch.mean(target * F.logsigmoid(logits) + (1 - target) * F.logsigmoid(-logits))


def cross_entropy(logits, labels, label_smoothing=0.0):
    log_probs = F.log_softmax(logits, dim=-1)
    nll = -torch.gather(log_probs, 1, labels[:, None]).squeeze(1)
    return torch.mean((1 - label_smoothing) * nll - label_smoothing * log_probs.mean(dim=-1))
