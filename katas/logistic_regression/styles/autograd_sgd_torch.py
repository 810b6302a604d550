# expect: pass
"""Let PyTorch differentiate: F.binary_cross_entropy_with_logits, .backward() and torch.optim.SGD."""

import torch
import torch.nn.functional as F


def fit(X, y, lr=0.1, n_epochs=100):
    w = torch.zeros(X.shape[1], dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros((), dtype=X.dtype, device=X.device, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=lr)
    target = y.to(X.dtype)
    for _ in range(n_epochs):
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(X @ w + b, target)
        loss.backward()
        opt.step()
    return w.detach(), b.detach()


@torch.no_grad()
def predict_proba(X, w, b):
    return torch.sigmoid(torch.addmv(b.expand(X.shape[0]), X, w))


def predict(X, w, b, threshold=0.5):
    return predict_proba(X, w, b).ge(threshold).to(torch.int64)
