# expect: pass
"""The naive 1 / (1 + exp(-z)) made safe by clipping the logit to [-500, 500] first (exp(500) is finite)."""

import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500.0, 500.0)))


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        g = _sigmoid(X @ w + b) - y
        w, b = w - lr * X.T @ g / n, b - lr * g.sum() / n
    return w, float(b)


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (_sigmoid(X @ w + b) >= threshold).astype(np.int64)
