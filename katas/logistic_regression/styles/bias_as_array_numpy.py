# expect: fail
"""WRONG: keeps the bias as np.zeros(1) and returns it so: b must be a Python float."""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = np.zeros(d), np.zeros(1)
    for _ in range(n_epochs):
        r = _sigmoid(X @ w + b) - y
        w = w - lr * X.T @ r / n
        b = b - lr * r.mean()
    return w, b


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).astype(np.int64)
