# expect: fail as explicit-inverse
"""WRONG: the textbook theta = (A'A)^-1 A'y with the ones column prepended; loses accuracy as cond(X)**2."""

import numpy as np


def fit_normal_equation(X, y):
    design = np.hstack([np.ones((len(X), 1)), X])
    gram_inverse = np.linalg.inv(design.T @ design)
    theta = gram_inverse @ design.T @ y  # (inverse times A^T) first, then y
    return theta[1:], float(theta[0])


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        r = X @ w + b - y
        w, b = w - lr * 2 / n * X.T @ r, b - lr * 2 / n * r.sum()
    return w, float(b)


def predict(X, w, b):
    return X @ w + b
