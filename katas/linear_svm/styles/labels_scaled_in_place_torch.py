# expect: fail as input-modified
"""WRONG: multiplies X by y in place (X.mul_) to get the signed rows: the caller's X changes."""

import torch


def svm_loss_and_grad(w, b, X, y, reg):
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    signed = X.mul_(y.unsqueeze(1))  # y_i x_i, written over X
    margins = signed @ w + y * b
    active = (margins < 1).to(X.dtype)
    n = X.shape[0]
    return torch.relu(1 - margins).mean() + reg / 2 * w @ w, reg * w - signed.T @ active / n, -(y * active).sum() / n


def fit_svm(X, y, lr, n_epochs, reg):
    X = X.clone()  # the fit works on its own copy, but X is multiplied by y again on every call
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    w, b = X.new_zeros(X.shape[1]), X.new_zeros(())
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
