# expect: pass
"""Index the active rows with a boolean mask; np.isin for the labels; weight decay folded into the fit step."""

import numpy as np


def _labels_ok(y):
    if not np.isin(y, (-1.0, 1.0)).all():
        raise ValueError("y must hold only -1 and +1")


def svm_loss_and_grad(w, b, X, y, reg):
    _labels_ok(y)
    n = len(y)
    margins = y * (np.dot(X, w) + b)
    active = margins < 1
    hinge = np.sum(1 - margins[active]) / n
    dw = reg * w - np.sum(y[active, None] * X[active], axis=0) / n
    db = -np.sum(y[active]) / n
    return hinge + reg / 2 * np.sum(w ** 2), dw, db


def fit_svm(X, y, lr, n_epochs, reg):
    _labels_ok(y)
    n = len(y)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        active = y * (X @ w + b) < 1
        # w - lr * (reg * w - g) = (1 - lr * reg) * w + lr * g
        g = np.sum(y[active, None] * X[active], axis=0) / n
        w = (1 - lr * reg) * w + lr * g
        b = b + lr * np.sum(y[active]) / n
    return w, float(b)
