# expect: fail as no-mean-over-samples
"""WRONG: autograd on the summed loss (reduction="sum"): the gradient is N times the mean's."""

import torch
import torch.nn.functional as F


def fit(X, y, lr=0.1, n_epochs=100):
    w = torch.zeros(X.shape[1], dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros((), dtype=X.dtype, device=X.device, requires_grad=True)
    for _ in range(n_epochs):
        loss = F.binary_cross_entropy_with_logits(X @ w + b, y.to(X.dtype), reduction="sum")
        dw, db = torch.autograd.grad(loss, (w, b))
        with torch.no_grad():
            w -= lr * dw
            b -= lr * db
    return w.detach(), b.detach()


def predict_proba(X, w, b):
    return torch.sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).long()
