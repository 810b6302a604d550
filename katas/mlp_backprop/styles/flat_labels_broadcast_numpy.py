# expect: fail as y-not-reshaped
"""Subtracts y as given: with y of shape (N,), probs - y is an (N, N) matrix."""

import numpy as np


def mlp_forward(X, params):
    h = np.maximum(X @ params["W1"] + params["b1"], 0)
    z = h @ params["W2"] + params["b2"]
    probs = 0.5 * (1 + np.tanh(z / 2))
    return probs, (X, h, probs)


def mlp_backward(y, cache, params):
    X, h, probs = cache
    n = len(X)
    d2 = (probs - y) / n
    d1 = (d2 @ params["W2"].T) * (h > 0)
    return {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}
