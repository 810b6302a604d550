# expect: fail as gradient-missing-2
"""WRONG: the gradient of half the MSE, X^T r / N, written as a mean over samples: steps half as long."""

import numpy as np


def fit_normal_equation(X, y):
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    return theta[:-1], float(theta[-1])


def fit_gradient_descent(X, y, lr, n_epochs):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        r = X @ w + b - y
        w, b = w - lr * (r[:, None] * X).mean(axis=0), b - lr * r.mean()
    return w, float(b)


def predict(X, w, b):
    return X @ w + b
