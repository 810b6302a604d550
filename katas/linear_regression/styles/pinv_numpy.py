# expect: pass
"""The pseudo-inverse of [X, 1] (an SVD inside); b returned as a NumPy float64 scalar; gradient with np.dot."""

import numpy as np


def fit_normal_equation(X, y):
    A = np.c_[X, np.ones(X.shape[0])]
    theta = np.linalg.pinv(A) @ y
    return theta[:-1], theta[-1]


def fit_gradient_descent(X, y, lr, n_epochs):
    n = len(y)
    w = np.zeros(X.shape[1])
    b = np.float64(0.0)
    for _ in range(n_epochs):
        err = np.dot(X, w) + b - y
        w = w - lr * (2 / n) * np.dot(err, X)
        b = b - lr * (2 / n) * np.sum(err)
    return w, b


def predict(X, w, b):
    return X @ w + b
