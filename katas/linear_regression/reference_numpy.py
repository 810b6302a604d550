"""Reference: least squares with an intercept, closed form and by gradient descent, in NumPy."""

import numpy as np


def fit_normal_equation(X, y):
    # The intercept is one more coefficient, on a column of ones.
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    # lstsq factors A itself (an SVD), so the error grows with cond(A);
    # inverting or solving with A.T @ A would square that condition number.
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    return theta[:-1].copy(), float(theta[-1])


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_epochs):
        r = X @ w + b - y  # (N,): y must not be a column here, or r becomes (N, N)
        # d/dw mean(r**2) = 2/N X^T r, d/db = 2/N sum(r); both from the same r.
        w = w - lr * (2.0 / n) * (X.T @ r)
        b = b - lr * (2.0 / n) * float(r.sum())
    return w, float(b)


def predict(X, w, b):
    return X @ w + b
