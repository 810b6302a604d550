# expect: pass
"""Textbook PyTorch: torch.sigmoid (stable for any logit), X.T @ (p - y) / N, tensors updated in place."""

import torch


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w = torch.zeros(d, dtype=X.dtype, device=X.device)
    b = torch.zeros((), dtype=X.dtype, device=X.device)
    y = y.float()
    for _ in range(n_epochs):
        error = torch.sigmoid(X @ w + b) - y
        w -= lr * (X.T @ error) / n
        b -= lr * error.mean()
    return w, b


def predict_proba(X, w, b):
    return torch.sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).long()
