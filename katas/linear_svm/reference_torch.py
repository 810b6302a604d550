"""Reference: a linear soft-margin SVM trained by full-batch subgradient descent, in PyTorch, without autograd."""

import torch


def _check_labels(y):
    # {0, 1} labels would not crash anything: a 0 label makes that sample's
    # margin 0 whatever w is, so it silently becomes a constant loss of 1.
    if not bool(((y == 1) | (y == -1)).all()):
        raise ValueError(f"labels must be -1 or +1, got {y.unique()[:5].tolist()}; "
                         "map {0, 1} labels with 2 * y - 1")


def svm_loss_and_grad(w, b, X, y, reg):
    _check_labels(y)
    margins = y * (X @ w + b)
    # A point exactly on the margin has zero hinge loss and, by this choice of
    # subgradient, no gradient: only margins strictly below 1 pull on w and b.
    active = margins < 1
    loss = (1 - margins).clamp_min(0).mean() + 0.5 * reg * (w @ w)
    dscores = torch.where(active, -y, torch.zeros_like(y)) / X.shape[0]
    dw = X.T @ dscores + reg * w
    db = dscores.sum()  # the bias is not regularised
    return loss, dw, db


def fit_svm(X, y, lr, n_epochs, reg):
    _check_labels(y)  # also when n_epochs is 0
    w = X.new_zeros(X.shape[1])
    b = X.new_zeros(())
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w = w - lr * dw
        b = b - lr * db
    return w, b
