# expect: pass
"""Householder QR written out: reflect the columns of [X, 1] and y to triangular form, then back-substitute."""

import numpy as np


def fit_normal_equation(X, y):
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    z = y.copy()
    m, k = A.shape
    for j in range(k):
        v = A[j:, j].copy()
        v[0] += np.copysign(np.linalg.norm(v), v[0])  # the sign that avoids cancellation
        v /= np.linalg.norm(v)
        A[j:, j:] -= 2.0 * np.outer(v, v @ A[j:, j:])
        z[j:] -= 2.0 * v * (v @ z[j:])
    theta = np.zeros(k)
    for i in range(k - 1, -1, -1):
        theta[i] = (z[i] - A[i, i + 1:k] @ theta[i + 1:]) / A[i, i]
    return theta[:-1], float(theta[-1])


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    step = 2.0 * lr / n
    for _ in range(n_epochs):
        r = X.dot(w) + b - y
        w = w - step * X.T.dot(r)
        b = b - step * r.sum()
    return w, float(b)


def predict(X, w, b):
    return X.dot(w) + b
