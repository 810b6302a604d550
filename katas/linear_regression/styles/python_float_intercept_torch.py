# expect: fail
"""WRONG: right numbers, but b returned as a Python float (.item()) instead of a 0-d tensor."""

import torch


def fit_normal_equation(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    theta = torch.linalg.lstsq(A, y[:, None]).solution[:, 0]
    return theta[:-1], theta[-1].item()


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w = torch.zeros(d, dtype=X.dtype, device=X.device)
    b = 0.0
    for _ in range(n_epochs):
        r = X @ w + b - y
        w, b = w - lr * 2 / n * (X.T @ r), b - lr * 2 / n * r.sum().item()
    return w, b


def predict(X, w, b):
    return X @ w + b
