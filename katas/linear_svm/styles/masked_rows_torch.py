# expect: pass
"""Boolean indexing of the active rows; labels checked with abs() == 1; b kept as a 0-d tensor."""

import torch


def svm_loss_and_grad(w, b, X, y, reg):
    if not torch.all(y.abs() == 1):
        raise ValueError("labels must be -1 or +1")
    n = X.shape[0]
    margins = y * (X @ w + b)
    active = margins < 1
    loss = (1 - margins[active]).sum() / n + reg / 2 * w.dot(w)
    dw = reg * w - (y[active].unsqueeze(1) * X[active]).sum(dim=0) / n
    db = -y[active].sum() / n
    return loss, dw, db


def fit_svm(X, y, lr, n_epochs, reg):
    if not torch.all(y.abs() == 1):
        raise ValueError("labels must be -1 or +1")
    w = torch.zeros(X.shape[1], dtype=X.dtype, device=X.device)
    b = torch.zeros((), dtype=X.dtype, device=X.device)
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w = w - lr * dw
        b = b - lr * db
    return w, b
