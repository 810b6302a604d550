"""Reference: a linear soft-margin SVM trained by full-batch subgradient descent, in NumPy."""

import numpy as np


def _check_labels(y):
    # {0, 1} labels would not crash anything: a 0 label makes that sample's
    # margin 0 whatever w is, so it silently becomes a constant loss of 1.
    if not np.all((y == 1) | (y == -1)):
        raise ValueError(f"labels must be -1 or +1, got {np.unique(y)[:5]}; map {{0, 1}} labels with 2 * y - 1")


def svm_loss_and_grad(w, b, X, y, reg):
    _check_labels(y)
    margins = y * (X @ w + b)
    # A point exactly on the margin has zero hinge loss and, by this choice of
    # subgradient, no gradient: only margins strictly below 1 pull on w and b.
    active = margins < 1
    loss = np.maximum(0.0, 1.0 - margins).mean() + 0.5 * reg * (w @ w)
    dscores = np.where(active, -y, 0.0) / X.shape[0]
    dw = X.T @ dscores + reg * w
    db = dscores.sum()  # the bias is not regularised
    return float(loss), dw, float(db)


def fit_svm(X, y, lr, n_epochs, reg):
    _check_labels(y)  # also when n_epochs is 0
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w = w - lr * dw
        b = b - lr * db
    return w, b
