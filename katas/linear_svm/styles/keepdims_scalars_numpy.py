# expect: fail
"""WRONG: right numbers, but loss and db come back as 1-element arrays (keepdims) instead of floats."""

import numpy as np


def svm_loss_and_grad(w, b, X, y, reg):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    coef = np.where(margins < 1, -y, 0.0) / len(y)
    loss = np.maximum(0, 1 - margins).mean(keepdims=True) + reg / 2 * (w @ w)
    return loss, X.T @ coef + reg * w, coef.sum(keepdims=True)


def fit_svm(X, y, lr, n_epochs, reg):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, float(b - lr * db[0])
    return w, b
