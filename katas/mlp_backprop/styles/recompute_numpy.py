# expect: pass
"""The cache is X alone: the backward recomputes the forward; probs via logaddexp, ReLU in place."""

import numpy as np


def _layers(X, params):
    Z1 = X @ params["W1"] + params["b1"]
    A1 = Z1.copy()
    A1[A1 < 0] = 0.0
    Z2 = A1 @ params["W2"] + params["b2"]
    return Z1, A1, np.exp(-np.logaddexp(0.0, -Z2))  # sigmoid = exp(-log(1 + exp(-z)))


def mlp_forward(X, params):
    return _layers(X, params)[2], [X]


def mlp_backward(y, cache, params):
    (X,) = cache
    Z1, A1, probs = _layers(X, params)
    n = len(X)
    dZ2 = (probs[:, 0] - np.asarray(y).ravel())[:, None] / n
    dZ1 = np.where(Z1 > 0, dZ2 @ params["W2"].T, 0.0)
    ones = np.ones(n)
    return {"W1": X.T @ dZ1, "b1": ones @ dZ1, "W2": A1.T @ dZ2, "b2": ones @ dZ2}
