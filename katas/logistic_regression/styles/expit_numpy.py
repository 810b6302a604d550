# expect: pass
"""scipy.special.expit for the sigmoid (stable), the gradient as a matrix-vector product."""

import numpy as np
from scipy.special import expit


def fit(X, y, lr=0.1, n_epochs=100):
    n = X.shape[0]
    w = np.zeros(X.shape[1])
    b = 0.0
    y = y.astype(float)
    for _ in range(n_epochs):
        residual = expit(X @ w + b) - y
        dw = residual @ X / n
        db = residual.sum() / n
        w -= lr * dw
        b -= lr * db
    return w, float(b)


def predict_proba(X, w, b):
    return expit(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (expit(X @ w + b) >= threshold).astype(np.int64)
