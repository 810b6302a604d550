# expect: pass
"""Thin SVD of [X, 1]; gradient descent with the gradient of the MSE taken by torch.autograd.grad."""

import torch


def fit_normal_equation(X, y):
    A = torch.nn.functional.pad(X, (0, 1), value=1.0)
    U, S, Vh = torch.linalg.svd(A, full_matrices=False)
    theta = Vh.mT @ ((U.mT @ y) / S)
    return theta[:-1], theta[-1]


def fit_gradient_descent(X, y, lr, n_epochs):
    w = torch.zeros(X.shape[1], dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros((), dtype=X.dtype, device=X.device, requires_grad=True)
    for _ in range(n_epochs):
        loss = ((X @ w + b - y) ** 2).mean()
        grad_w, grad_b = torch.autograd.grad(loss, (w, b))
        with torch.no_grad():
            w -= lr * grad_w
            b -= lr * grad_b
    return w.detach(), b.detach()


def predict(X, w, b):
    return torch.addmv(b.expand(X.shape[0]), X, w)
