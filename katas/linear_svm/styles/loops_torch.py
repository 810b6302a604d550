# expect: pass
"""A Python loop over the samples, each row's contribution added to running tensors."""

import torch


def svm_loss_and_grad(w, b, X, y, reg):
    for label in y.tolist():
        if label not in (-1.0, 1.0):
            raise ValueError(f"label {label} is not -1 or +1")
    n = X.shape[0]
    loss = torch.zeros((), dtype=X.dtype, device=X.device)
    dw = torch.zeros_like(w)
    db = torch.zeros((), dtype=X.dtype, device=X.device)
    for i in range(n):
        margin = y[i] * (torch.dot(X[i], w) + b)
        if margin < 1:
            loss = loss + (1 - margin)
            dw = dw - y[i] * X[i]
            db = db - y[i]
    return loss / n + reg / 2 * torch.sum(w ** 2), dw / n + reg * w, db / n


def fit_svm(X, y, lr, n_epochs, reg):
    if not set(y.tolist()) <= {-1.0, 1.0}:
        raise ValueError("labels must be -1 or +1")
    w = torch.zeros(X.shape[1], dtype=X.dtype, device=X.device)
    b = torch.tensor(0.0, dtype=X.dtype, device=X.device)
    for _ in range(n_epochs):
        _, dw, db = svm_loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b
