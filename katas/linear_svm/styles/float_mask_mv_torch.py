# expect: pass
"""A float 0/1 mask and torch.mv; the fit updates fresh tensors in place (sub_) with weight decay folded in."""

import torch


def _validate(y):
    if not ((y == 1) | (y == -1)).all().item():
        raise ValueError("y must contain only -1 and +1")


def _hinge_grads(w, b, X, y):
    """Mean hinge loss and its gradient in (w, b), without the penalty."""
    margins = y * (torch.mv(X, w) + b)
    mask = (margins < 1).to(X.dtype)
    g = -(mask * y) / X.shape[0]
    return (mask * (1 - margins)).mean(), torch.mv(X.t(), g), g.sum()


def svm_loss_and_grad(w, b, X, y, reg):
    _validate(y)
    hinge, gw, gb = _hinge_grads(w, b, X, y)
    return hinge + 0.5 * reg * (w * w).sum(), gw + reg * w, gb


def fit_svm(X, y, lr, n_epochs, reg):
    _validate(y)
    w = X.new_zeros(X.shape[1])
    b = X.new_zeros(())
    for _ in range(n_epochs):
        _, gw, gb = _hinge_grads(w, b, X, y)
        w.mul_(1 - lr * reg).sub_(lr * gw)
        b.sub_(lr * gb)
    return w, b
