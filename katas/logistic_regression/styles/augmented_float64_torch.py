# expect: pass
"""A column of ones for the bias, the whole fit in float64 with einsum, cast back to X's dtype at the end."""

import torch


def _sigmoid(z):
    return 0.5 * (1 + torch.tanh(z / 2))


def fit(X, y, lr=0.1, n_epochs=100):
    A = torch.cat([X.double(), torch.ones(X.shape[0], 1, dtype=torch.float64, device=X.device)], dim=1)
    target = y.double()
    theta = torch.zeros(A.shape[1], dtype=torch.float64, device=X.device)
    for _ in range(n_epochs):
        p = _sigmoid(torch.einsum("nd,d->n", A, theta))
        theta = theta - lr * torch.einsum("nd,n->d", A, p - target) / A.shape[0]
    return theta[:-1].to(X.dtype), theta[-1].to(X.dtype)


def predict_proba(X, w, b):
    return _sigmoid(torch.einsum("nd,d->n", X, w) + b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).to(torch.int64)
