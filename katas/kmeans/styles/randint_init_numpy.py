# expect: fail as uniform-rows
# Random rows with replacement for the seeding, ignoring the distances.
import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    C = init_centroids.copy()
    labels = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
    for _ in range(max_iters):
        C = np.array([X[labels == j].mean(0) if (labels == j).any() else C[j] for j in range(len(C))])
        new = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels


def kmeans_pp_init(X, k, rng):
    if len(np.unique(X, axis=0)) < k:
        raise ValueError("too few distinct rows")
    return X[rng.integers(0, len(X), size=k)]
