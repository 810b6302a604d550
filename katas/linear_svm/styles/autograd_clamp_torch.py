# expect: forbidden
"""FORBIDDEN: the gradient by autograd (clamp's backward would also count the margin as active)."""

import torch


def svm_loss_and_grad(w, b, X, y, reg):
    if not ((y == 1) | (y == -1)).all():
        raise ValueError("labels must be -1 or +1")
    w = w.detach().clone().requires_grad_()
    b = torch.as_tensor(b, dtype=X.dtype, device=X.device).clone().requires_grad_()
    loss = torch.clamp(1 - y * (X @ w + b), min=0).mean() + reg / 2 * (w * w).sum()
    dw, db = torch.autograd.grad(loss, (w, b))
    return loss.detach(), dw, db


def fit_svm(X, y, lr, n_epochs, reg):
    w, b = X.new_zeros(X.shape[1]), X.new_zeros(())
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
