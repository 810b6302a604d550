# expect: fail as margin-test-inclusive
"""WRONG: active = ~(margins > 1), which is margins <= 1 in disguise: a point on the margin pulls."""

import torch


def svm_loss_and_grad(w, b, X, y, reg):
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    active = ~(margins > 1)
    coef = -(y * active) / X.shape[0]
    return torch.relu(1 - margins).mean() + reg / 2 * w @ w, X.T @ coef + reg * w, coef.sum()


def fit_svm(X, y, lr, n_epochs, reg):
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    w, b = X.new_zeros(X.shape[1]), X.new_zeros(())
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
