# expect: fail
# An empty cluster's centroid is sent to the origin: sums / max(count, 1) is 0 / 1.
import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    k = len(init_centroids)
    C = init_centroids.copy()
    labels = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
    for _ in range(max_iters):
        sums = np.zeros_like(C)
        np.add.at(sums, labels, X)
        C = sums / np.maximum(np.bincount(labels, minlength=k), 1)[:, None]
        new = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels


def kmeans_pp_init(X, k, rng):
    idx = [rng.integers(len(X))]
    d2 = ((X - X[idx[0]]) ** 2).sum(1)
    for _ in range(k - 1):
        if d2.sum() == 0:
            raise ValueError("too few distinct rows")
        idx.append(rng.choice(len(X), p=d2 / d2.sum()))
        d2 = np.minimum(d2, ((X - X[idx[-1]]) ** 2).sum(1))
    return X[idx]
