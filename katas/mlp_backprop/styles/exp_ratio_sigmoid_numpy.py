# expect: fail
"""sigmoid as exp(z) / (1 + exp(z)): inf / inf = NaN for large positive logits."""

import numpy as np


def mlp_forward(X, params):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = np.maximum(Z1, 0)
    e = np.exp(A1 @ params["W2"] + params["b2"])
    probs = e / (1 + e)
    return probs, (X, Z1, A1, probs)


def mlp_backward(y, cache, params):
    X, Z1, A1, probs = cache
    dZ2 = (probs - y.reshape(-1, 1)) / len(X)
    dZ1 = dZ2 @ params["W2"].T * (Z1 > 0)
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(0), "W2": A1.T @ dZ2, "b2": dZ2.sum(0)}
