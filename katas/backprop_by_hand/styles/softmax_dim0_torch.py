# expect: fail
"""WRONG: softmax over dim 0: right for one input vector, across the batch instead of across classes for a batch."""

import torch


def forward(x, y, w1, w2, b):
    return 0.5 * (y - torch.sigmoid(w2 * torch.relu(w1 * x) + b)) ** 2


def gradients(x, y, w1, w2, b):
    a1 = torch.relu(w1 * x)
    a2 = torch.sigmoid(w2 * a1 + b)
    d2 = (a2 - y) * a2 * (1 - a2)
    return {"w1": d2 * w2 * (a1 > 0) * x, "w2": d2 * a1, "b": d2}


def forward_with_bias(x, W, V):
    one = x.new_ones(*x.shape[:-1], 1)
    a1 = torch.relu(torch.cat([x, one], -1) @ W.T)
    return torch.softmax(torch.relu(torch.cat([a1, one], -1) @ V.T), 0)
