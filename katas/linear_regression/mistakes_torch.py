"""Classic mistakes of linear regression, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


def _with_ones(X, first=False):
    ones = torch.ones(X.shape[0], 1, dtype=X.dtype, device=X.device)
    return torch.cat((ones, X) if first else (X, ones), dim=1)


class explicit_inverse:
    def fit_normal_equation(X, y):
        A = _with_ones(X, first=True)
        beta = torch.inverse(A.T @ A) @ A.T @ y  # cond(A^T A) = cond(A)**2
        return beta[1:], beta[0]


class normal_equations_solve:
    def fit_normal_equation(X, y):
        A = _with_ones(X)
        theta = torch.linalg.solve(A.T @ A, A.T @ y)  # no inverse, but A^T A is already squared
        return theta[:-1], theta[-1]


class no_intercept:
    def fit_normal_equation(X, y):
        w = torch.linalg.lstsq(X, y.unsqueeze(1)).solution.squeeze(1)  # the line passes through 0
        return w, torch.zeros((), dtype=X.dtype, device=X.device)

    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        w = torch.zeros(d, dtype=X.dtype, device=X.device)
        for _ in range(n_epochs):
            r = X @ w - y
            w = w - lr * (2.0 / n) * (X.T @ r)
        return w, torch.zeros((), dtype=X.dtype, device=X.device)

    def predict(X, w, b):
        return X @ w


class gradient_missing_2:
    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        w = torch.zeros(d, dtype=X.dtype, device=X.device)
        b = torch.zeros((), dtype=X.dtype, device=X.device)
        for _ in range(n_epochs):
            r = X @ w + b - y
            w = w - lr * (X.T @ r) / n  # d(r**2)/dr is 2r: the factor 2 is gone
            b = b - lr * r.mean()
        return w, b


class gradient_missing_1_over_n:
    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        w = torch.zeros(d, dtype=X.dtype, device=X.device)
        b = torch.zeros((), dtype=X.dtype, device=X.device)
        for _ in range(n_epochs):
            r = X @ w + b - y
            w = w - lr * 2.0 * (X.T @ r)  # the gradient of the sum: N times the mean's
            b = b - lr * 2.0 * r.sum()
        return w, b


class residual_broadcast_n_by_n:
    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        W = torch.zeros(d, 1, dtype=X.dtype, device=X.device)  # a column: X @ W + b is (N, 1)
        b = torch.zeros(1, dtype=X.dtype, device=X.device)
        for _ in range(n_epochs):
            diff = X @ W + b - y  # (N, 1) - (N,) broadcasts to (N, N)
            dr = 2.0 * diff / diff.numel()  # d mean(diff**2) / d diff over all N * N entries
            W = W - lr * X.T @ dr.sum(dim=1, keepdim=True)
            b = b - lr * dr.sum()
        return W[:, 0], b[0]


class random_init:
    def fit_gradient_descent(X, y, lr, n_epochs):
        n, d = X.shape
        g = torch.Generator(device=X.device).manual_seed(0)
        w = torch.randn(d, generator=g, device=X.device, dtype=X.dtype)  # the start must be zeros
        b = torch.zeros((), dtype=X.dtype, device=X.device)
        for _ in range(n_epochs):
            r = X @ w + b - y
            w = w - lr * (2.0 / n) * (X.T @ r)
            b = b - lr * (2.0 / n) * r.sum()
        return w, b
