# expect: pass
"""einsum for the distances, bincount with weights for the sums; searchsorted on a cumsum."""

import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    k, d = init_centroids.shape
    centroids = np.copy(init_centroids)

    def assign(c):
        diff = X[:, None, :] - c[None, :, :]
        return np.einsum("nkd,nkd->nk", diff, diff).argmin(1)

    labels = assign(centroids)
    for _ in range(max_iters):
        counts = np.bincount(labels, minlength=k)
        sums = np.stack([np.bincount(labels, weights=X[:, t], minlength=k) for t in range(d)], axis=1)
        centroids = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centroids)
        previous, labels = labels, assign(centroids)
        if np.array_equal(previous, labels):
            break
    return centroids, labels


def kmeans_pp_init(X, k, rng):
    n = len(X)
    picks = [int(rng.integers(n))]
    dist2 = np.einsum("nd,nd->n", X - X[picks[0]], X - X[picks[0]])
    for _ in range(1, k):
        cumulative = np.cumsum(dist2)
        if cumulative[-1] == 0:
            raise ValueError("fewer distinct rows than centres")
        # The first index whose cumulative weight exceeds u: rows of weight 0 are skipped.
        i = int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))
        picks.append(min(i, n - 1))
        diff = X - X[picks[-1]]
        dist2 = np.minimum(dist2, np.einsum("nd,nd->n", diff, diff))
    return X[picks]
