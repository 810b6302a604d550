# expect: fail
"""WRONG: right numbers, but fit_svm returns b as a Python float (b.item()); the torch track wants a 0-d tensor."""

import torch


def svm_loss_and_grad(w, b, X, y, reg):
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    coef = torch.where(margins < 1, -y, 0.0) / len(y)
    return (1 - margins).clamp_min(0).mean() + reg / 2 * w @ w, X.T @ coef + reg * w, coef.sum()


def fit_svm(X, y, lr, n_epochs, reg):
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    w, b = X.new_zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db.item()
    return w, b
