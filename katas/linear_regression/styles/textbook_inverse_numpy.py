# expect: fail as explicit-inverse
"""WRONG: the textbook beta = (X'X)^-1 X'y with the ones column prepended; loses accuracy as cond(X)**2."""

import numpy as np


def fit_normal_equation(X, y):
    X = np.append(np.ones((X.shape[0], 1)), X, axis=1)
    beta = np.linalg.inv(X.T @ X) @ X.T @ y
    return beta[1:], float(beta[0])


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        r = X @ w + b - y
        w, b = w - lr * 2 / n * X.T @ r, b - lr * 2 / n * r.sum()
    return w, float(b)


def predict(X, w, b):
    return X @ w + b
