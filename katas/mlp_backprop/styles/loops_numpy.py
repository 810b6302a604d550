# expect: pass
"""One example at a time: gradients accumulated row by row, cache a tuple, sigmoid branch by branch."""

import math

import numpy as np


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def mlp_forward(X, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    n = X.shape[0]
    Z1 = np.empty((n, W1.shape[1]))
    probs = np.empty((n, 1))
    for i in range(n):
        Z1[i] = X[i] @ W1 + b1
        probs[i, 0] = _sigmoid(float(np.maximum(Z1[i], 0) @ W2[:, 0] + b2[0]))
    return probs, (X, Z1, probs)


def mlp_backward(y, cache, params):
    X, Z1, probs = cache
    W2 = params["W2"]
    n = X.shape[0]
    labels = np.ravel(y)
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    for i in range(n):
        dz2 = (probs[i, 0] - labels[i]) / n
        a1 = np.maximum(Z1[i], 0)
        grads["W2"][:, 0] += a1 * dz2
        grads["b2"][0] += dz2
        dz1 = W2[:, 0] * dz2 * (Z1[i] > 0)
        grads["W1"] += np.outer(X[i], dz1)
        grads["b1"] += dz1
    return grads
