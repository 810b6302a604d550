# expect: pass
"""Computes in float64 and casts back: centred lstsq (gelsd) for the fit, gradient descent on theta = (w, b)."""

import torch


def fit_normal_equation(X, y):
    X64, y64 = X.double(), y.double()
    x_mean, y_mean = X64.mean(dim=0), y64.mean()
    w = torch.linalg.lstsq((X64 - x_mean).cpu(), (y64 - y_mean).cpu().unsqueeze(1), driver="gelsd").solution
    w = w.squeeze(1).to(X.device)
    b = y_mean - x_mean @ w
    return w.to(X.dtype), b.to(X.dtype)


def fit_gradient_descent(X, y, lr, n_epochs):
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1).double()
    t = y.double()
    theta = torch.zeros(A.shape[1], dtype=torch.float64, device=X.device)
    for _ in range(n_epochs):
        theta = theta - lr * (2.0 / len(t)) * (A.T @ (A @ theta - t))
    theta = theta.to(X.dtype)
    return theta[:-1], theta[-1]


def predict(X, w, b):
    return (X.double() @ w.double() + b.double()).to(X.dtype)
