# expect: fail as explicit-inverse
"""WRONG: beta = torch.inverse(X'X) X'y with the ones column prepended; in float32, cond(X)**2 leaves few digits."""

import torch


def fit_normal_equation(X, y):
    X = torch.cat((torch.ones(X.shape[0], 1), X), 1)
    beta = torch.inverse(X.T @ X) @ X.T @ y
    return beta[1:], beta[0]


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w = torch.zeros(d, dtype=X.dtype, device=X.device)
    b = torch.zeros((), dtype=X.dtype, device=X.device)
    for _ in range(n_epochs):
        r = X @ w + b - y
        w, b = w - lr * 2 / n * (X.T @ r), b - lr * 2 / n * r.sum()
    return w, b


def predict(X, w, b):
    return X @ w + b
