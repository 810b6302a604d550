# expect: pass
"""Python loops over the samples and features, math.exp on the side that cannot overflow."""

import math

import numpy as np


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w = [0.0] * d
    b = 0.0
    for _ in range(n_epochs):
        grad_w = [0.0] * d
        grad_b = 0.0
        for i in range(n):
            z = b + sum(w[j] * X[i, j] for j in range(d))
            err = _sigmoid(z) - float(y[i])
            for j in range(d):
                grad_w[j] += err * X[i, j]
            grad_b += err
        w = [w[j] - lr * grad_w[j] / n for j in range(d)]
        b -= lr * grad_b / n
    return np.array(w, dtype=np.float64), float(b)


def predict_proba(X, w, b):
    return np.array([_sigmoid(float(row @ w + b)) for row in X], dtype=np.float64)


def predict(X, w, b, threshold=0.5):
    return np.array([1 if p >= threshold else 0 for p in predict_proba(X, w, b)], dtype=np.int64)
