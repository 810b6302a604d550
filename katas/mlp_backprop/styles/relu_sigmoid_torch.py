# expect: pass
"""torch.relu and torch.sigmoid forward, cache a tuple, mask as a float tensor from A1."""

import torch


def mlp_forward(X, params):
    Z1 = torch.addmm(params["b1"], X, params["W1"])
    A1 = torch.relu(Z1)
    probs = torch.sigmoid(torch.addmm(params["b2"], A1, params["W2"]))
    return probs, (X, A1, probs)


def mlp_backward(y, cache, params):
    X, A1, probs = cache
    dZ2 = (probs - y.view(-1, 1)) / X.shape[0]
    dZ1 = (dZ2 @ params["W2"].t()) * (A1 > 0).to(A1.dtype)
    return {"W1": X.t() @ dZ1, "b1": dZ1.sum(0), "W2": A1.t() @ dZ2, "b2": dZ2.sum(0)}
