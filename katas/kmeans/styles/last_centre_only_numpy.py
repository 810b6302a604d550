# expect: fail
# D(x) measured to the most recent centre only, not to the nearest of all chosen:
# from the third centre on, earlier centres (and their copies) can be drawn again.
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
    idx = [rng.integers(len(X))]
    for _ in range(k - 1):
        d2 = ((X - X[idx[-1]]) ** 2).sum(1)
        if d2.sum() == 0:
            raise ValueError("too few distinct rows")
        idx.append(rng.choice(len(X), p=d2 / d2.sum()))
    return X[idx]
