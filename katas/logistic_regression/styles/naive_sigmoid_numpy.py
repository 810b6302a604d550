# expect: fail as sigmoid-overflow-warning
"""WRONG: 1 / (1 + np.exp(-z)): right values (1 / inf = 0), but exp overflows at z < -709 and NumPy warns."""

import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        r = _sigmoid(X @ w + b) - y
        w = w - lr * X.T @ r / n
        b = b - lr * r.mean()
    return w, float(b)


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).astype(np.int64)
