# expect: pass
"""|x|^2 - 2 x.c + |c|^2 through a matrix product; rng.choice with p= for k-means++."""

import numpy as np


def _labels(X, C):
    d2 = (X * X).sum(1)[:, None] - 2.0 * X @ C.T + (C * C).sum(1)[None, :]
    return d2.argmin(axis=1)


def kmeans(X, init_centroids, max_iters=100):
    C = init_centroids.copy()
    labels = _labels(X, C)
    it = 0
    while it < max_iters:
        it += 1
        for j in range(len(C)):
            mask = labels == j
            if mask.any():
                C[j] = X[mask].mean(axis=0)
        new = _labels(X, C)
        if (new == labels).all():
            break
        labels = new
    return C, labels.astype(np.int64)


def kmeans_pp_init(X, k, rng):
    n = X.shape[0]
    idx = [rng.integers(n)]
    closest = ((X - X[idx[0]]) ** 2).sum(axis=1)
    for _ in range(k - 1):
        if closest.sum() <= 0:
            raise ValueError("X has fewer than k distinct rows")
        idx.append(rng.choice(n, p=closest / closest.sum()))
        closest = np.minimum(closest, ((X - X[idx[-1]]) ** 2).sum(axis=1))
    return X[np.array(idx)].copy()
