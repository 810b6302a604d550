"""Reference: a two-layer MLP for binary classification, forward and backward, in PyTorch (no autograd)."""

import torch


def mlp_forward(X, params):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = torch.clamp_min(Z1, 0.0)
    probs = torch.sigmoid(A1 @ params["W2"] + params["b2"])
    return probs, {"X": X, "Z1": Z1, "A1": A1, "probs": probs}


def mlp_backward(y, cache, params):
    X, Z1, A1, probs = cache["X"], cache["Z1"], cache["A1"], cache["probs"]
    n = X.shape[0]
    # Mean BCE through a sigmoid: dL/dz2 = (probs - y) / N, finite even where probs is exactly 0 or 1.
    dZ2 = (probs - y.reshape(-1, 1)) / n
    dZ1 = (dZ2 @ params["W2"].T) * (Z1 > 0)  # ReLU passes no gradient at 0, as torch.relu
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(dim=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(dim=0)}
