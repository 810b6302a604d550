# expect: pass
"""torch.cdist with its default (matrix-product) mode and scatter_add_; torch.multinomial."""

import torch


def kmeans(X, init_centroids, max_iters=100):
    k = init_centroids.shape[0]
    C = init_centroids.clone()
    labels = torch.cdist(X, C).argmin(dim=1)
    for _ in range(max_iters):
        sums = torch.zeros_like(C).scatter_add_(0, labels.unsqueeze(1).expand(-1, X.shape[1]), X)
        counts = torch.zeros(k, dtype=X.dtype, device=X.device).scatter_add_(0, labels, torch.ones_like(X[:, 0]))
        C = torch.where(counts.unsqueeze(1) > 0, sums / counts.clamp_min(1).unsqueeze(1), C)
        new = torch.cdist(X, C).argmin(dim=1)
        if torch.equal(new, labels):
            break
        labels = new
    return C, labels


def kmeans_pp_init(X, k, generator=None):
    n = X.shape[0]
    idx = torch.randint(0, n, (1,), generator=generator, device=X.device)
    d2 = torch.cdist(X, X[idx]).squeeze(1) ** 2
    for _ in range(k - 1):
        if d2.sum() == 0:
            raise ValueError("X has fewer than k distinct rows")
        nxt = torch.multinomial(d2, 1, generator=generator)
        idx = torch.cat([idx, nxt])
        d2 = torch.minimum(d2, ((X - X[nxt]) ** 2).sum(dim=1))
    return X[idx]
