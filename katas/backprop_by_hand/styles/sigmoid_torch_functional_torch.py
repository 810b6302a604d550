# expect: pass
"""torch.sigmoid, torch.relu and F.softmax (allowed: only autograd is off limits); relu' read off a1 > 0."""

import torch
import torch.nn.functional as F


def forward(x, y, w1, w2, b):
    a2 = torch.sigmoid(w2 * torch.relu(w1 * x) + b)
    return (y - a2).square() / 2


def gradients(x, y, w1, w2, b):
    a1 = torch.relu(w1 * x)
    a2 = torch.sigmoid(w2 * a1 + b)
    d2 = (a2 - y) * a2 * (1 - a2)
    d1 = d2 * w2 * (a1 > 0)  # a1 > 0 exactly where z1 > 0
    return {"w1": d1 * x, "w2": d2 * a1, "b": d2}


def forward_with_bias(x, W, V):
    one = torch.ones(*x.shape[:-1], 1, dtype=x.dtype, device=x.device)
    a1 = torch.relu(torch.cat((x, one), dim=-1) @ W.T)
    return F.softmax(torch.relu(torch.cat((a1, one), dim=-1) @ V.T), dim=-1)
