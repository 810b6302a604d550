# expect: fail
"""WRONG: predict compares the logit with 0, which is the threshold 0.5 and no other."""

import torch


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = X.new_zeros(d), X.new_zeros(())
    for _ in range(n_epochs):
        r = torch.sigmoid(X @ w + b) - y
        w = w - lr * X.T @ r / n
        b = b - lr * r.mean()
    return w, b


def predict_proba(X, w, b):
    return torch.sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (X @ w + b >= 0).long()
