# expect: fail
"""Right gradients under the keys dW1, db1, dW2, db2: the keys must be those of params."""

import numpy as np


def mlp_forward(X, params):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = np.maximum(Z1, 0)
    z = A1 @ params["W2"] + params["b2"]
    probs = 0.5 * (1 + np.tanh(z / 2))
    return probs, (X, Z1, A1, probs)


def mlp_backward(y, cache, params):
    X, Z1, A1, probs = cache
    dZ2 = (probs - y.reshape(-1, 1)) / len(X)
    dZ1 = dZ2 @ params["W2"].T * (Z1 > 0)
    return {"dW1": X.T @ dZ1, "db1": dZ1.sum(0), "dW2": A1.T @ dZ2, "db2": dZ2.sum(0)}
