# expect: fail
"""WRONG: w from lstsq on X without a ones column, then b = mean(y) - mean(X) @ w: w was fitted without the intercept."""

import numpy as np


def fit_normal_equation(X, y):
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    return w, float(y.mean() - X.mean(axis=0) @ w)


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        r = X @ w + b - y
        w, b = w - lr * 2 / n * X.T @ r, b - lr * 2 / n * r.sum()
    return w, float(b)


def predict(X, w, b):
    return X @ w + b
