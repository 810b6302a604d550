# expect: fail
"""WRONG: a Cholesky solve of the normal equations: no inverse, but A^T A still squares cond(A)."""

import numpy as np
import scipy.linalg


def fit_normal_equation(X, y):
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = scipy.linalg.cho_solve(scipy.linalg.cho_factor(A.T @ A), A.T @ y)
    return theta[:-1], float(theta[-1])


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        r = X @ w + b - y
        w, b = w - lr * 2 / n * X.T @ r, b - lr * 2 / n * r.sum()
    return w, float(b)


def predict(X, w, b):
    return X @ w + b
