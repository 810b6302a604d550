# expect: pass
"""One sample at a time in plain Python loops, accumulating the loss and the gradient by hand."""

import numpy as np


def svm_loss_and_grad(w, b, X, y, reg):
    for label in y:
        if label != 1 and label != -1:
            raise ValueError(f"bad label {label}")
    n, d = X.shape
    loss = 0.0
    dw = np.zeros(d)
    db = 0.0
    for i in range(n):
        score = b
        for j in range(d):
            score += X[i, j] * w[j]
        margin = y[i] * score
        if margin < 1:
            loss += 1 - margin
            for j in range(d):
                dw[j] -= y[i] * X[i, j]
            db -= y[i]
    penalty = 0.0
    for j in range(d):
        penalty += w[j] * w[j]
        dw[j] = dw[j] / n + reg * w[j]
    return loss / n + 0.5 * reg * penalty, dw, db / n


def fit_svm(X, y, lr, n_epochs, reg):
    for label in y:
        if label not in (1.0, -1.0):
            raise ValueError("labels must be -1 or +1")
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        for j in range(len(w)):
            w[j] -= lr * dw[j]
        b -= lr * db
    return w, b
