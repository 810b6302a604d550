# expect: fail
"""WRONG: the penalty is reg * ||w||^2 in the loss (no 1/2) while dw adds reg * w: the loss is off."""

import numpy as np


def svm_loss_and_grad(w, b, X, y, reg):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    active = margins < 1
    n = len(y)
    loss = np.maximum(0, 1 - margins).mean() + reg * (w @ w)
    return float(loss), reg * w - (y * active) @ X / n, float(-(y * active).sum() / n)


def fit_svm(X, y, lr, n_epochs, reg):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
