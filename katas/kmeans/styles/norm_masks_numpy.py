# expect: pass
"""np.linalg.norm along the last axis (square roots kept); stops when the centroids stop moving."""

import numpy as np


def kmeans(X, init_centroids, max_iters=100):
    centroids = np.array(init_centroids, copy=True)
    labels = np.argmin(np.linalg.norm(X[:, np.newaxis, :] - centroids[np.newaxis, :, :], axis=2), axis=1)
    for _ in range(max_iters):
        new_centroids = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else centroids[j]
                                  for j in range(len(centroids))])
        moved = not np.array_equal(new_centroids, centroids)
        centroids = new_centroids
        labels = np.argmin(np.linalg.norm(X[:, np.newaxis, :] - centroids[np.newaxis, :, :], axis=2), axis=1)
        if not moved:
            break
    return centroids, labels


def kmeans_pp_init(X, k, rng):
    order = [rng.integers(len(X))]
    weights = np.linalg.norm(X - X[order[0]], axis=1) ** 2
    while len(order) < k:
        if not weights.any():
            raise ValueError("k is larger than the number of distinct rows")
        order.append(rng.choice(len(X), p=weights / weights.sum()))
        weights = np.minimum(weights, np.linalg.norm(X - X[order[-1]], axis=1) ** 2)
    return np.stack([X[i] for i in order])
