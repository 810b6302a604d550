# expect: fail
"""WRONG: updates w, then recomputes the predictions with the new w before the bias's step."""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        w = w - lr * X.T @ (_sigmoid(X @ w + b) - y) / n
        b = b - lr * float(np.mean(_sigmoid(X @ w + b) - y))
    return w, b


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).astype(np.int64)
