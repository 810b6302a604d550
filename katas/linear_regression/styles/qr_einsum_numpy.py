# expect: pass
"""Householder QR from np.linalg.qr, back-substitution by hand; gradient descent and predict with einsum."""

import numpy as np


def fit_normal_equation(X, y):
    A = np.concatenate([X, np.ones_like(X[:, :1])], axis=1)
    Q, R = np.linalg.qr(A)  # reduced: Q (N, D+1), R (D+1, D+1) upper triangular
    z = Q.T @ y
    k = R.shape[0]
    theta = np.zeros(k)
    for i in reversed(range(k)):
        theta[i] = (z[i] - R[i, i + 1:] @ theta[i + 1:]) / R[i, i]
    return theta[:-1], float(theta[-1])


def fit_gradient_descent(X, y, lr, n_epochs):
    n = X.shape[0]
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        r = np.einsum("nd,d->n", X, w) + b - y
        w, b = w - lr * 2.0 * np.einsum("nd,n->d", X, r) / n, b - lr * 2.0 * r.mean()
    return w, float(b)


def predict(X, w, b):
    return np.einsum("nd,d->n", X, w) + b
