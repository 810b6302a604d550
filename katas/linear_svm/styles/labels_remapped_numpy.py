# expect: fail like zero-one-labels-accepted
"""WRONG: maps any labels to -1/+1 (y > 0 becomes +1) instead of raising: {0, 1} labels go through silently."""

import numpy as np


def svm_loss_and_grad(w, b, X, y, reg):
    y = np.where(y > 0, 1.0, -1.0)
    margins = y * (X @ w + b)
    active = margins < 1
    n = len(y)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w)
    return float(loss), reg * w - (y * active) @ X / n, float(-(y * active).sum() / n)


def fit_svm(X, y, lr, n_epochs, reg):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
