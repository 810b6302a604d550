# expect: fail
"""WRONG: computes db but never applies it: b stays 0, the model has no intercept."""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        r = _sigmoid(X @ w + b) - y
        dw, db = X.T @ r / n, r.mean()
        w = w - lr * dw
    return w, float(b)


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).astype(np.int64)
