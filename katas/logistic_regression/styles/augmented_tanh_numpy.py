# expect: pass
"""Bias folded into the weights with a column of ones; sigmoid(z) = (1 + tanh(z / 2)) / 2; einsum."""

import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def fit(X, y, lr=0.1, n_epochs=100):
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    theta = np.zeros(A.shape[1])
    for _ in range(n_epochs):
        p = _sigmoid(np.einsum("nd,d->n", A, theta))
        theta -= lr * np.einsum("nd,n->d", A, p - y) / len(y)
    return theta[:-1].copy(), float(theta[-1])


def predict_proba(X, w, b):
    return _sigmoid(np.einsum("nd,d->n", X, w) + b)


def predict(X, w, b, threshold=0.5):
    return np.where(predict_proba(X, w, b) >= threshold, 1, 0).astype(np.int64)
