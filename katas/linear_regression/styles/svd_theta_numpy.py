# expect: pass
"""Thin SVD of the augmented design; gradient descent on theta = (w, b) against [X, 1] in one matrix product."""

import numpy as np


def _augment(X):
    return np.hstack([X, np.ones((X.shape[0], 1))])


def fit_normal_equation(X, y):
    U, s, Vt = np.linalg.svd(_augment(X), full_matrices=False)
    theta = Vt.T @ ((U.T @ y) / s)
    return theta[:-1], theta[-1].item()


def fit_gradient_descent(X, y, lr, n_epochs):
    A = _augment(X)
    theta = np.zeros(A.shape[1])
    for _ in range(n_epochs):
        theta -= lr * (2.0 / len(y)) * A.T @ (A @ theta - y)
    return theta[:-1], theta[-1].item()


def predict(X, w, b):
    return _augment(X) @ np.append(w, b)
