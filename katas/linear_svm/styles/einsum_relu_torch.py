# expect: pass
"""torch.einsum, torch.relu for the hinge, torch.where on hinge > 0 for the indicator; labels by torch.isin."""

import torch


def svm_loss_and_grad(w, b, X, y, reg):
    if not torch.isin(y, torch.tensor([-1.0, 1.0], dtype=y.dtype, device=y.device)).all():
        raise ValueError("labels must be -1 or +1")
    hinge = torch.relu(1 - y * (torch.einsum("nd,d->n", X, w) + b))
    coef = torch.where(hinge > 0, -y, torch.zeros_like(y)) / len(y)
    dw = torch.einsum("nd,n->d", X, coef) + reg * w
    return hinge.mean() + reg / 2 * torch.einsum("d,d->", w, w), dw, coef.sum()


def fit_svm(X, y, lr, n_epochs, reg):
    if not torch.isin(y, torch.tensor([-1.0, 1.0], dtype=y.dtype, device=y.device)).all():
        raise ValueError("labels must be -1 or +1")
    w = torch.zeros_like(X[0])
    b = torch.zeros_like(X[0, 0])
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w = w - lr * dw
        b = b - lr * db
    return w, b
