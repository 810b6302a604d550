# expect: fail as explicit-inverse
"""WRONG: theta = torch.inverse(A'A) A'y with the ones column prepended; in float32, cond(X)**2 leaves few digits."""

import torch


def fit_normal_equation(X, y):
    design = torch.cat((torch.ones(len(X), 1), X), dim=1)
    gram_inverse = torch.inverse(design.T @ design)
    theta = gram_inverse @ design.T @ y  # (inverse times A^T) first, then y
    return theta[1:], theta[0]


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
