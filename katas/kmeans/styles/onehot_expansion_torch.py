# expect: pass
"""|x|^2 - 2 x.c + |c|^2 by matmul; sums by a one-hot matrix product."""

import torch
import torch.nn.functional as F


def _labels(X, C):
    return ((X * X).sum(1, keepdim=True) - 2 * X @ C.T + (C * C).sum(1)).argmin(1)


def kmeans(X, init_centroids, max_iters=100):
    C = init_centroids.detach().clone()
    k = C.shape[0]
    labels = _labels(X, C)
    for _ in range(max_iters):
        onehot = F.one_hot(labels, k).to(X.dtype)  # (n, k)
        counts = onehot.sum(0)
        means = (onehot.T @ X) / counts.clamp(min=1)[:, None]
        C = torch.where(counts[:, None] == 0, C, means)
        new_labels = _labels(X, C)
        same = torch.equal(new_labels, labels)
        labels = new_labels
        if same:
            break
    return C, labels


def kmeans_pp_init(X, k, generator=None):
    n = X.shape[0]
    picks = torch.empty(k, dtype=torch.long, device=X.device)
    picks[0] = torch.randint(n, (1,), generator=generator, device=X.device)
    d2 = ((X - X[picks[0]]) ** 2).sum(-1)
    for t in range(1, k):
        if not torch.any(d2 > 0):
            raise ValueError("X must have at least k distinct rows")
        picks[t] = torch.multinomial(d2 / d2.sum(), 1, generator=generator)
        d2 = torch.minimum(d2, ((X - X[picks[t]]) ** 2).sum(-1))
    return X.index_select(0, picks)
