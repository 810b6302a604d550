"""Reference: binary logistic regression by full-batch gradient descent, in NumPy."""

import numpy as np


def _sigmoid(z):
    # np.where evaluates both branches on every entry, so each must be safe
    # for any logit: exp(-|z|) lies in (0, 1] and cannot overflow, where the
    # naive exp(-z) overflows (and warns) at z = -1000.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    y = np.asarray(y, dtype=np.float64)  # int64 or float labels alike
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_epochs):
        # d(mean BCE)/d(logit_i) = (p_i - y_i) / n: the sigmoid's derivative
        # p (1 - p) cancels against the log-loss's 1 / (p (1 - p)).
        residual = predict_proba(X, w, b) - y
        w = w - lr * (X.T @ residual) / n
        b = b - lr * float(residual.mean())
    return w, float(b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).astype(np.int64)
