# expect: forbidden
"""FORBIDDEN: the gradients by torch.autograd.grad on a fresh graph."""

import torch


def forward(x, y, w1, w2, b):
    return 0.5 * (y - torch.sigmoid(w2 * torch.relu(w1 * x) + b)) ** 2


def gradients(x, y, w1, w2, b):
    params = [t.detach().requires_grad_() for t in (w1, w2, b)]
    dw1, dw2, db = torch.autograd.grad(forward(x, y, *params), params)
    return {"w1": dw1, "w2": dw2, "b": db}


def forward_with_bias(x, W, V):
    one = x.new_ones(*x.shape[:-1], 1)
    a1 = torch.relu(torch.cat([x, one], -1) @ W.T)
    return torch.softmax(torch.relu(torch.cat([a1, one], -1) @ V.T), -1)
