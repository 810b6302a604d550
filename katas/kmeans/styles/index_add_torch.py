# expect: pass
"""index_add_ and bincount; stops when the centroids stop moving; multinomial draws."""

import torch


def kmeans(X, init_centroids, max_iters=100):
    centroids = init_centroids.clone()
    dist = lambda c: ((X.unsqueeze(1) - c.unsqueeze(0)) ** 2).sum(-1)  # noqa: E731
    labels = dist(centroids).argmin(-1)
    for _ in range(max_iters):
        counts = torch.bincount(labels, minlength=centroids.shape[0])
        sums = torch.zeros_like(centroids).index_add_(0, labels, X)
        new = centroids.clone()
        has = counts > 0
        new[has] = sums[has] / counts[has].unsqueeze(-1).to(X.dtype)
        unchanged = torch.equal(new, centroids)
        centroids = new
        labels = dist(centroids).argmin(-1)
        if unchanged:
            break
    return centroids, labels


def kmeans_pp_init(X, k, generator=None):
    n = len(X)
    chosen = torch.randint(n, (1,), generator=generator, device=X.device).tolist()
    d2 = dist2 = ((X - X[chosen[0]]) ** 2).sum(-1)
    while len(chosen) < k:
        if d2.max() == 0:
            raise ValueError("fewer than k distinct points")
        chosen += torch.multinomial(d2, 1, generator=generator).tolist()
        dist2 = ((X - X[chosen[-1]]) ** 2).sum(-1)
        d2 = torch.minimum(d2, dist2)
    return X[chosen]
