# expect: fail
"""WRONG: checks the labels by their extremes (min -1, max +1): rejects a valid one-class batch, accepts a 0 among them."""

import numpy as np


def _check(y):
    if y.min() != -1 or y.max() != 1:
        raise ValueError("labels must be -1 or +1")


def svm_loss_and_grad(w, b, X, y, reg):
    _check(y)
    margins = y * (X @ w + b)
    active = margins < 1
    n = len(y)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w)
    return float(loss), reg * w - (y * active) @ X / n, float(-(y * active).sum() / n)


def fit_svm(X, y, lr, n_epochs, reg):
    _check(y)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
