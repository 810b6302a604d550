# expect: fail
"""WRONG: weights as a (D, 1) column: X @ W + b - y is (N, N), and the in-place update cannot take its (D, N) gradient."""

import numpy as np


def fit_normal_equation(X, y):
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    return theta[:-1], float(theta[-1])


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    W = np.zeros((d, 1))
    b = np.zeros(1)
    for _ in range(n_epochs):
        diff = X @ W + b - y
        dw = (2 / n) * X.T @ diff
        db = (2 / n) * np.sum(diff, axis=0)
        W -= lr * dw
        b -= lr * db
    return W[:, 0], float(b[0])


def predict(X, w, b):
    return X @ w + b
