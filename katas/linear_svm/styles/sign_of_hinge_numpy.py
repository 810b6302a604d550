# expect: pass
"""np.maximum for the hinge, np.sign of it as the indicator (sign(0) = 0), labels checked as a set."""

import numpy as np


def check(y):
    if not set(np.unique(y).tolist()) <= {-1.0, 1.0}:
        raise ValueError("expected labels in {-1, +1}")


def svm_loss_and_grad(w, b, X, y, reg):
    check(y)
    hinge = np.maximum(0, 1 - y * (X @ w + b))
    weights = np.sign(hinge) * y
    N = X.shape[0]
    loss = np.mean(hinge) + reg * np.dot(w, w) / 2
    return loss, reg * w - weights @ X / N, -weights.sum() / N


def fit_svm(X, y, lr, n_epochs, reg):
    check(y)
    w, b = np.zeros(X.shape[1]), 0.0
    for epoch in range(n_epochs):
        loss, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
