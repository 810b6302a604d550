# expect: fail
"""WRONG: w += lr * dw: the step climbs the loss instead of descending it."""

import torch


def fit(X, y, lr=0.1, n_epochs=100):
    n, d = X.shape
    w, b = X.new_zeros(d), X.new_zeros(())
    for _ in range(n_epochs):
        r = torch.sigmoid(X @ w + b) - y
        w += lr * X.T @ r / n
        b += lr * r.mean()
    return w, b


def predict_proba(X, w, b):
    return torch.sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).long()
