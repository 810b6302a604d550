# expect: fail
"""Returns probs of shape (N,) instead of (N, 1)."""

import torch


def mlp_forward(X, params):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = torch.relu(Z1)
    probs = torch.sigmoid(A1 @ params["W2"] + params["b2"]).squeeze(-1)
    return probs, (X, Z1, A1, probs)


def mlp_backward(y, cache, params):
    X, Z1, A1, probs = cache
    dZ2 = ((probs - y.reshape(-1)) / X.shape[0]).unsqueeze(1)
    dZ1 = dZ2 @ params["W2"].T * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(0), "W2": A1.T @ dZ2, "b2": dZ2.sum(0)}
