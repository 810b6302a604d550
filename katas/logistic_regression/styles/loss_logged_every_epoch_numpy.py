# expect: fail
"""WRONG: right steps, but tracks the loss with np.log(p): once the data are separated p is exactly 0 or 1,
and log(0) warns (divide by zero), 0 * -inf too (invalid)."""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    history = []
    for _ in range(n_epochs):
        p = _sigmoid(X @ w + b)
        history.append(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        w = w - lr * X.T @ (p - y) / n
        b = b - lr * float(np.mean(p - y))
    return w, b


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).astype(np.int64)
