# expect: fail as gradient-missing-1-over-n
"""WRONG: autograd of F.mse_loss(..., reduction="sum"), the summed loss, whose gradient is N times the mean's."""

import torch
import torch.nn.functional as F


def fit_normal_equation(X, y):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    theta = torch.linalg.lstsq(A, y[:, None]).solution[:, 0]
    return theta[:-1], theta[-1]


def fit_gradient_descent(X, y, lr, n_epochs):
    w = torch.zeros(X.shape[1], dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros((), dtype=X.dtype, device=X.device, requires_grad=True)
    for _ in range(n_epochs):
        gw, gb = torch.autograd.grad(F.mse_loss(X @ w + b, y, reduction="sum"), (w, b))
        with torch.no_grad():
            w -= lr * gw
            b -= lr * gb
    return w.detach(), b.detach()


def predict(X, w, b):
    return X @ w + b
