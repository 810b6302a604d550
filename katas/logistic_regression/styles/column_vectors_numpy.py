# expect: pass
"""Column vectors throughout: w (D, 1) and y reshaped to (N, 1) so p - y stays (N, 1); w[:, 0] at the end."""

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    Y = y.reshape(-1, 1).astype(np.float64)
    W = np.zeros((d, 1))
    b = 0.0
    for _ in range(n_epochs):
        E = _sigmoid(X @ W + b) - Y
        W -= lr / n * (X.T @ E)
        b -= lr / n * E.sum()
    return W[:, 0].copy(), float(b)


def predict_proba(X, w, b):
    return _sigmoid(X @ w.reshape(-1, 1) + b)[:, 0]


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).astype(np.int64)
