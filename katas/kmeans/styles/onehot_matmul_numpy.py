# expect: pass
"""A one-hot membership matrix: sums = M.T @ X, counts = M.sum(0)."""

import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    k = init_centroids.shape[0]
    C = init_centroids.astype(np.float64, copy=True)
    sq = lambda C: np.sum((X[:, None] - C[None]) ** 2, axis=-1)  # noqa: E731
    labels = np.argmin(sq(C), axis=-1)
    for _ in range(max_iters):
        M = np.eye(k)[labels]  # (n, k)
        counts = M.sum(axis=0)
        empty = counts == 0
        C = np.where(empty[:, None], C, (M.T @ X) / np.where(empty, 1, counts)[:, None])
        new_labels = np.argmin(sq(C), axis=-1)
        done = np.array_equal(new_labels, labels)
        labels = new_labels
        if done:
            break
    return C, labels


def kmeans_pp_init(X, k, rng):
    n = X.shape[0]
    centres = [X[rng.integers(n)]]
    d2 = np.sum((X - centres[0]) ** 2, axis=1)
    for _ in range(k - 1):
        s = d2.sum()
        if s == 0:
            raise ValueError("X needs at least k distinct rows")
        p = d2 / s
        j = rng.choice(n, p=p)
        centres.append(X[j])
        d2 = np.minimum(d2, np.sum((X - X[j]) ** 2, axis=1))
    return np.array(centres)
