# expect: fail as relu-grad-at-zero
"""ReLU's mask as (Z1 >= 0): the gradient leaks through units whose input is exactly 0."""

import torch


def mlp_forward(X, params):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = Z1.clamp(min=0)
    probs = torch.sigmoid(A1 @ params["W2"] + params["b2"])
    return probs, {"X": X, "Z1": Z1, "A1": A1, "probs": probs}


def mlp_backward(y, cache, params):
    dZ2 = (cache["probs"] - y.reshape(-1, 1)) / len(cache["X"])
    dZ1 = dZ2 @ params["W2"].T * (cache["Z1"] >= 0).float()
    return {"W1": cache["X"].T @ dZ1, "b1": dZ1.sum(0), "W2": cache["A1"].T @ dZ2, "b2": dZ2.sum(0)}
