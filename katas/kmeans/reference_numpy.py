"""Reference: Lloyd's k-means and k-means++ seeding in NumPy."""

import numpy as np


def _squared_distances(X, centroids):
    # Differences, not |x|^2 - 2 x.c + |c|^2: equal distances stay exactly
    # equal, so a tie really is a tie, and nothing cancels.
    return ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)


def _assign(X, centroids):
    # argmin returns the first minimum: a tie goes to the lower index. The
    # square root would not change the order, so it is left out.
    return np.argmin(_squared_distances(X, centroids), axis=1)


def _update(X, labels, centroids):
    k = centroids.shape[0]
    counts = np.bincount(labels, minlength=k)
    sums = np.zeros_like(centroids)
    np.add.at(sums, labels, X)
    new = centroids.copy()
    # A cluster that lost all its points keeps its centroid: its mean would be 0 / 0.
    filled = counts > 0
    new[filled] = sums[filled] / counts[filled, None]
    return new


def kmeans(X, init_centroids, max_iters=100):
    centroids = np.array(init_centroids, dtype=np.float64)  # a copy: the caller's array is left alone
    labels = _assign(X, centroids)
    for _ in range(max_iters):
        centroids = _update(X, labels, centroids)
        new_labels = _assign(X, centroids)
        if np.array_equal(new_labels, labels):
            # Same assignment, so the next update would give the same centroids: a fixed point.
            break
        labels = new_labels
    return centroids, labels


def kmeans_pp_init(X, k, rng):
    n = X.shape[0]
    first = int(rng.integers(n))
    chosen = [first]
    closest = ((X - X[first]) ** 2).sum(axis=1)  # squared distance to the nearest centre chosen so far
    for _ in range(1, k):
        total = closest.sum()
        if total == 0:
            raise ValueError(f"X has fewer than k={k} distinct rows")
        # A row already chosen (or a copy of one) has weight 0 and can never be drawn again.
        pick = int(rng.choice(n, p=closest / total))
        chosen.append(pick)
        closest = np.minimum(closest, ((X - X[pick]) ** 2).sum(axis=1))
    return X[chosen]
