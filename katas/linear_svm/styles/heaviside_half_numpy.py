# expect: fail
"""WRONG: np.heaviside(1 - m, 0.5) as the indicator: a point exactly on the margin counts as half active."""

import numpy as np


def svm_loss_and_grad(w, b, X, y, reg):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    # 0.5 at the kink is a valid subgradient, but not the one the kata asks for
    active = np.heaviside(1 - margins, 0.5)
    n = len(y)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * w @ w
    return float(loss), reg * w - (active * y) @ X / n, float(-(active * y).sum() / n)


def fit_svm(X, y, lr, n_epochs, reg):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
