# expect: forbidden
"""Lets autograd do the backward."""

import torch
import torch.nn.functional as F


def mlp_forward(X, params):
    A1 = torch.relu(X @ params["W1"] + params["b1"])
    return torch.sigmoid(A1 @ params["W2"] + params["b2"]), X


def mlp_backward(y, cache, params):
    leaves = {k: v.detach().requires_grad_() for k, v in params.items()}
    A1 = torch.relu(cache @ leaves["W1"] + leaves["b1"])
    loss = F.binary_cross_entropy_with_logits(A1 @ leaves["W2"] + leaves["b2"], y.reshape(-1, 1))
    loss.backward()
    return {k: v.grad for k, v in leaves.items()}
