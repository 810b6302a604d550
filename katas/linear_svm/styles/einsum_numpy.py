# expect: pass
"""einsum for the scores and the gradient; the indicator read off the hinge itself (hinge > 0)."""

import numpy as np


def svm_loss_and_grad(w, b, X, y, reg):
    if not np.all(np.abs(y) == 1):
        raise ValueError("labels must be +1 or -1")
    scores = np.einsum("nd,d->n", X, w) + b
    hinge = np.clip(1.0 - y * scores, 0.0, None)
    # 1 - m > 0 exactly when m < 1, so a point on the margin (hinge 0) stays out
    coef = -y * (hinge > 0) / X.shape[0]
    dw = np.einsum("nd,n->d", X, coef) + reg * w
    loss = hinge.mean() + 0.5 * reg * np.einsum("d,d->", w, w)
    return float(loss), dw, float(coef.sum())


def fit_svm(X, y, lr, n_epochs, reg):
    if not np.all(np.abs(y) == 1):
        raise ValueError("labels must be +1 or -1")
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w -= lr * dw
        b -= lr * db
    return w, b
