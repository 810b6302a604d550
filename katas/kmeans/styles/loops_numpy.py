# expect: pass
"""Plain Python loops over points and centroids; k-means++ by walking a cumulative sum."""

import numpy as np


def _nearest(x, centroids):
    best, best_d = 0, None
    for j, c in enumerate(centroids):
        d = sum((float(a) - float(b)) ** 2 for a, b in zip(x, c))
        if best_d is None or d < best_d:  # strict: a tie keeps the lower index
            best, best_d = j, d
    return best


def kmeans(X, init_centroids, max_iters=100):
    n, d = X.shape
    k = len(init_centroids)
    centroids = [list(map(float, c)) for c in init_centroids]
    labels = [_nearest(x, centroids) for x in X]
    for _ in range(max_iters):
        sums = [[0.0] * d for _ in range(k)]
        counts = [0] * k
        for x, j in zip(X, labels):
            counts[j] += 1
            for t in range(d):
                sums[j][t] += float(x[t])
        for j in range(k):
            if counts[j]:
                centroids[j] = [s / counts[j] for s in sums[j]]
        new_labels = [_nearest(x, centroids) for x in X]
        if new_labels == labels:
            break
        labels = new_labels
    return np.array(centroids, dtype=np.float64).reshape(k, d), np.array(labels, dtype=np.int64)


def kmeans_pp_init(X, k, rng):
    n = len(X)
    chosen = [int(rng.integers(0, n))]
    d2 = [float(((X[i] - X[chosen[0]]) ** 2).sum()) for i in range(n)]
    while len(chosen) < k:
        total = sum(d2)
        if total == 0:
            raise ValueError("not enough distinct points")
        target = rng.random() * total
        running, pick = 0.0, n - 1
        for i, w in enumerate(d2):
            running += w
            if w > 0 and running > target:
                pick = i
                break
        while d2[pick] == 0:  # rounding at the very end of the sum: step back to a weighted row
            pick -= 1
        chosen.append(pick)
        d2 = [min(d2[i], float(((X[i] - X[pick]) ** 2).sum())) for i in range(n)]
    return np.array([X[i] for i in chosen])
