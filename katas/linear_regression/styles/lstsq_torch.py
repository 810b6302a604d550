# expect: pass
"""torch.linalg.lstsq on [X, 1] in float32; gradient descent with the gradient written out."""

import torch


def fit_normal_equation(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    theta = torch.linalg.lstsq(A, y[:, None]).solution[:, 0]
    return theta[:-1], theta[-1]


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w = X.new_zeros(d)
    b = X.new_zeros(())
    for _ in range(n_epochs):
        r = X @ w + b - y
        w = w - lr * 2 / n * (X.T @ r)
        b = b - lr * 2 / n * r.sum()
    return w, b


def predict(X, w, b):
    return X @ w + b
