# expect: fail
"""WRONG: returns the bias as a Python float (b.item()); the torch track returns a 0-d tensor."""

import torch


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = X.new_zeros(d), 0.0
    for _ in range(n_epochs):
        r = torch.sigmoid(X @ w + b) - y
        w = w - lr * X.T @ r / n
        b = b - lr * r.mean().item()
    return w, b


def predict_proba(X, w, b):
    return torch.sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).long()
