# expect: fail
"""WRONG: fit_svm starts from small random weights instead of zeros (the gradient itself is right)."""

import numpy as np


def svm_loss_and_grad(w, b, X, y, reg):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    active = margins < 1
    n = len(y)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w)
    return float(loss), reg * w - (y * active) @ X / n, float(-(y * active).sum() / n)


def fit_svm(X, y, lr, n_epochs, reg):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w = np.random.default_rng(0).normal(scale=0.01, size=X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
