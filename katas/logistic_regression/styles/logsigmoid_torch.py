# expect: pass
"""p = exp(logsigmoid(z)); the gradient as a mean over per-sample rows (X * r[:, None]).mean(0)."""

import torch
import torch.nn.functional as F


def predict_proba(X, w, b):
    return F.logsigmoid(torch.mv(X, w) + b).exp()


def fit(X, y, lr=0.1, n_epochs=100):
    w = torch.zeros_like(X[0])
    b = torch.zeros_like(X[0, 0])
    for _ in range(n_epochs):
        r = predict_proba(X, w, b) - y.to(X.dtype)
        w = w - lr * (X * r[:, None]).mean(dim=0)
        b = b - lr * r.mean()
    return w, b


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).long()
