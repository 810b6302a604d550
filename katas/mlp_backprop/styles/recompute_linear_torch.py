# expect: pass
"""The cache is only X: the backward recomputes with F.linear and F.relu; mask by torch.heaviside."""

import torch
import torch.nn.functional as F


def _layers(X, params):
    Z1 = F.linear(X, params["W1"].T, params["b1"])
    A1 = F.relu(Z1)
    return Z1, A1, torch.sigmoid(F.linear(A1, params["W2"].T, params["b2"]))


def mlp_forward(X, params):
    return _layers(X, params)[2], X


def mlp_backward(y, cache, params):
    X = cache
    Z1, A1, probs = _layers(X, params)
    dZ2 = (probs.squeeze(1) - y.flatten()).unsqueeze(1) / len(X)
    dZ1 = dZ2 * params["W2"].T * torch.heaviside(Z1, torch.zeros(()))
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(dim=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(dim=0)}
