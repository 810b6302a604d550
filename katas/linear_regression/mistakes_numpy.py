"""Classic mistakes of linear regression, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _with_ones_first(X):
    return np.append(np.ones((X.shape[0], 1)), X, axis=1)


class explicit_inverse:
    def fit_normal_equation(X, y):
        A = _with_ones_first(X)
        beta = np.linalg.inv(A.T @ A) @ A.T @ y  # cond(A^T A) = cond(A)**2
        return beta[1:], float(beta[0])


class normal_equations_solve:
    def fit_normal_equation(X, y):
        A = np.hstack([X, np.ones((X.shape[0], 1))])
        theta = np.linalg.solve(A.T @ A, A.T @ y)  # no inverse, but A^T A is already squared
        return theta[:-1], float(theta[-1])


class no_intercept:
    def fit_normal_equation(X, y):
        w = np.linalg.lstsq(X, y, rcond=None)[0]  # no column of ones: the line passes through 0
        return w, 0.0

    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        w = np.zeros(d)
        for _ in range(n_epochs):
            r = X @ w - y
            w = w - lr * (2.0 / n) * (X.T @ r)
        return w, 0.0

    def predict(X, w, b):
        return X @ w


class gradient_missing_2:
    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        for _ in range(n_epochs):
            r = X @ w + b - y
            w = w - lr * (X.T @ r) / n  # d(r**2)/dr is 2r: the factor 2 is gone
            b = b - lr * float(r.mean())
        return w, b


class gradient_missing_1_over_n:
    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        for _ in range(n_epochs):
            r = X @ w + b - y
            w = w - lr * 2.0 * (X.T @ r)  # the gradient of the sum: N times the mean's
            b = b - lr * 2.0 * float(r.sum())
        return w, b


class residual_broadcast_n_by_n:
    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        w, b = np.zeros((d, 1)), 0.0  # a column: X @ w + b is (N, 1)
        for _ in range(n_epochs):
            r = X @ w + b - y  # (N, 1) - (N,) broadcasts to (N, N)
            dr = 2.0 * r / r.size  # d mean(r**2) / dr over all N * N entries
            w = w - lr * X.T @ dr.sum(axis=1, keepdims=True)
            b = b - lr * float(dr.sum())
        return w[:, 0], b


class random_init:
    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        w = np.random.default_rng(0).normal(size=d)  # the start must be zeros
        b = 0.0
        for _ in range(n_epochs):
            r = X @ w + b - y
            w = w - lr * (2.0 / n) * (X.T @ r)
            b = b - lr * (2.0 / n) * float(r.sum())
        return w, b
