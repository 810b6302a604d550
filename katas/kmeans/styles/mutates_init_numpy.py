# expect: fail as input-modified
# The centroids are updated in place in the caller's init_centroids array.
import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    centroids = init_centroids  # no copy
    labels = ((X[:, None] - centroids[None]) ** 2).sum(-1).argmin(1)
    for _ in range(max_iters):
        for j in range(len(centroids)):
            if np.any(labels == j):
                centroids[j] = X[labels == j].mean(0)
        new = ((X[:, None] - centroids[None]) ** 2).sum(-1).argmin(1)
        if np.array_equal(new, labels):
            break
        labels = new
    return centroids.copy(), labels


def kmeans_pp_init(X, k, rng):
    idx = [rng.integers(len(X))]
    d2 = ((X - X[idx[0]]) ** 2).sum(1)
    for _ in range(k - 1):
        if d2.sum() == 0:
            raise ValueError("too few distinct rows")
        idx.append(rng.choice(len(X), p=d2 / d2.sum()))
        d2 = np.minimum(d2, ((X - X[idx[-1]]) ** 2).sum(1))
    return X[idx]
