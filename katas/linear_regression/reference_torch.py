"""Reference: least squares with an intercept, closed form and by gradient descent, in PyTorch."""

import torch


def fit_normal_equation(X, y):
    # The intercept is one more coefficient, on a column of ones. The solve
    # runs in float64: the answer is then the exact least-squares fit of the
    # float32 data, whatever float32 would have lost to cond(A).
    A = torch.cat([X, torch.ones(X.shape[0], 1, dtype=X.dtype, device=X.device)], dim=1).double()
    # lstsq factors A itself (QR), so the error grows with cond(A); inverting
    # or solving with A.T @ A would square that condition number.
    theta = torch.linalg.lstsq(A, y.double().unsqueeze(1)).solution.squeeze(1).to(X.dtype)
    return theta[:-1], theta[-1]


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w = torch.zeros(d, dtype=X.dtype, device=X.device)
    b = torch.zeros((), dtype=X.dtype, device=X.device)
    for _ in range(n_epochs):
        r = X @ w + b - y  # (N,): y must not be a column here, or r becomes (N, N)
        # d/dw mean(r**2) = 2/N X^T r, d/db = 2/N sum(r); both from the same r.
        w = w - lr * (2.0 / n) * (X.T @ r)
        b = b - lr * (2.0 / n) * r.sum()
    return w, b


def predict(X, w, b):
    return X @ w + b
