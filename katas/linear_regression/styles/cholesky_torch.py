# expect: fail
"""WRONG: torch.linalg.cholesky of A^T A and cholesky_solve: the normal equations, squared condition number and all."""

import torch


def fit_normal_equation(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    L = torch.linalg.cholesky(A.T @ A)
    theta = torch.cholesky_solve((A.T @ y)[:, None], L)[:, 0]
    return theta[:-1], theta[-1]


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
