# expect: pass
"""1 / (1 + exp(-z)) is fine in PyTorch: exp(1000) is inf, 1 / inf is 0, and PyTorch does not warn."""

import torch


def _sigmoid(z):
    return 1 / (1 + torch.exp(-z))


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = X.new_zeros(d), X.new_zeros(())
    for _ in range(n_epochs):
        r = _sigmoid(X @ w + b) - y
        w = w - lr * r @ X / n
        b = b - lr * r.sum() / n
    return w, b


def predict_proba(X, w, b):
    return _sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return torch.where(predict_proba(X, w, b) >= threshold, 1, 0).to(torch.int64)
