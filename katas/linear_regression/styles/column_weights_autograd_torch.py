# expect: fail as residual-broadcast-n-by-n
"""WRONG: weights as a (D, 1) column trained by autograd: ((X @ W + b - y) ** 2).mean() averages an (N, N) matrix."""

import torch


def fit_normal_equation(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    theta = torch.linalg.lstsq(A, y[:, None]).solution[:, 0]
    return theta[:-1], theta[-1]


def fit_gradient_descent(X, y, lr, n_epochs):
    W = torch.zeros(X.shape[1], 1, dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros(1, dtype=X.dtype, device=X.device, requires_grad=True)
    for _ in range(n_epochs):
        loss = ((X @ W + b - y) ** 2).mean()
        gW, gb = torch.autograd.grad(loss, (W, b))
        with torch.no_grad():
            W -= lr * gW
            b -= lr * gb
    return W.detach().squeeze(1), b.detach().squeeze(0)


def predict(X, w, b):
    return X @ w + b
