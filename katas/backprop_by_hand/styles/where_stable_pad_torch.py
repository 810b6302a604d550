# expect: pass
"""A two-branch sigmoid with torch.where, torch.heaviside for relu'; F.pad adds the 1, F.linear the layers, logsumexp the softmax."""

import torch
import torch.nn.functional as F


def _sigmoid(z):
    e = torch.exp(-z.abs())  # never overflows
    return torch.where(z >= 0, 1 / (1 + e), e / (1 + e))


def forward(x, y, w1, w2, b):
    a2 = _sigmoid(w2 * torch.clamp(w1 * x, min=0) + b)
    return 0.5 * (a2 - y) ** 2


def gradients(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = torch.clamp(z1, min=0)
    a2 = _sigmoid(w2 * a1 + b)
    dz2 = (a2 - y) * a2 * (1 - a2)
    dz1 = dz2 * w2 * torch.heaviside(z1, torch.zeros_like(z1))
    return dict(w1=dz1 * x, w2=dz2 * a1, b=dz2)


def forward_with_bias(x, W, V):
    a1 = F.linear(F.pad(x, (0, 1), value=1.0), W).clamp(min=0)
    z2 = F.linear(F.pad(a1, (0, 1), value=1.0), V).clamp(min=0)
    return torch.exp(z2 - torch.logsumexp(z2, dim=-1, keepdim=True))
