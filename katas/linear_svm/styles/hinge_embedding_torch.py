# expect: forbidden
"""FORBIDDEN: the loss from F.hinge_embedding_loss (target -1 gives max(0, 1 - m)); the gradient by hand."""

import torch
import torch.nn.functional as F


def svm_loss_and_grad(w, b, X, y, reg):
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    hinge = F.hinge_embedding_loss(margins, -torch.ones_like(margins), margin=1.0)
    coef = torch.where(margins < 1, -y, 0.0) / len(y)
    return hinge + reg / 2 * w @ w, X.T @ coef + reg * w, coef.sum()


def fit_svm(X, y, lr, n_epochs, reg):
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    w, b = X.new_zeros(X.shape[1]), X.new_zeros(())
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
