"""Reference: binary logistic regression by full-batch gradient descent, in PyTorch."""

import torch


def _sigmoid(z):
    # The same value as torch.sigmoid, written out: exp(-|z|) is in (0, 1],
    # so neither branch overflows for any logit.
    e = torch.exp(-z.abs())
    return torch.where(z >= 0, 1 / (1 + e), e / (1 + e))


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    y = y.to(X.dtype)  # int64 or float labels alike
    w = X.new_zeros(d)
    b = X.new_zeros(())
    for _ in range(n_epochs):
        # d(mean BCE)/d(logit_i) = (p_i - y_i) / n: the sigmoid's derivative
        # p (1 - p) cancels against the log-loss's 1 / (p (1 - p)).
        residual = predict_proba(X, w, b) - y
        w = w - lr * (X.T @ residual) / n
        b = b - lr * residual.mean()
    return w, b


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).to(torch.int64)
