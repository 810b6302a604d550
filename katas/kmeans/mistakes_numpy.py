"""The classic mistakes of kmeans and kmeans_pp_init, NumPy track: one class per mistake."""

import numpy as np


def _squared(X, centroids):
    return ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)


def _assign(X, centroids):
    return np.argmin(_squared(X, centroids), axis=1)


def _update(X, labels, centroids):
    new = centroids.copy()
    for j in range(len(centroids)):
        members = X[labels == j]
        if len(members):
            new[j] = members.mean(axis=0)
    return new


def _lloyd(X, init_centroids, max_iters, assign, update):
    centroids = init_centroids.copy()
    labels = assign(X, centroids)
    for _ in range(max_iters):
        centroids = update(X, labels, centroids)
        new_labels = assign(X, centroids)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
    return centroids, labels


def _pp(X, k, rng, first, weight):
    """k-means++ with the first index given and each next index drawn by `weight(d2)`."""
    chosen = [first]
    d2 = ((X - X[first]) ** 2).sum(axis=1)
    for _ in range(1, k):
        w = weight(d2)
        if w.sum() == 0:
            raise ValueError("fewer distinct rows than k")
        pick = int(rng.choice(len(X), p=w / w.sum()))
        chosen.append(pick)
        d2 = np.minimum(d2, ((X - X[pick]) ** 2).sum(axis=1))
    return X[chosen]


class argmin_wrong_axis:
    def kmeans(X, init_centroids, max_iters=100):
        def assign(X, centroids):
            return np.argmin(_squared(X, centroids), axis=0)  # over the points: k labels, not n
        return _lloyd(X, init_centroids, max_iters, assign, _update)


class norm_over_whole_array:
    def kmeans(X, init_centroids, max_iters=100):
        def assign(X, centroids):
            distances = np.empty((len(X), len(centroids)))
            for j, c in enumerate(centroids):
                distances[:, j] = np.linalg.norm(X - c)  # no axis: one number for the whole array
            return np.argmin(distances, axis=1)
        return _lloyd(X, init_centroids, max_iters, assign, _update)


class empty_cluster_nan:
    def kmeans(X, init_centroids, max_iters=100):
        def update(X, labels, centroids):
            # The mean of an empty cluster is 0 / 0.
            return np.array([X[labels == j].mean(axis=0) for j in range(len(centroids))])
        return _lloyd(X, init_centroids, max_iters, _assign, update)


class ties_to_last:
    def kmeans(X, init_centroids, max_iters=100):
        def assign(X, centroids):
            labels = np.zeros(len(X), dtype=np.int64)
            best = np.full(len(X), np.inf)
            for j, c in enumerate(centroids):
                d = ((X - c) ** 2).sum(axis=1)
                closer = d <= best  # <=: a later centroid at the same distance takes the point
                labels[closer] = j
                best[closer] = d[closer]
            return labels
        return _lloyd(X, init_centroids, max_iters, assign, _update)


class one_iteration:
    def kmeans(X, init_centroids, max_iters=100):
        centroids = init_centroids.copy()
        labels = _assign(X, centroids)
        for _ in range(max_iters):
            centroids = _update(X, labels, centroids)
            labels = _assign(X, centroids)
            return centroids, labels  # returns inside the loop
        return centroids, labels


class stale_labels:
    def kmeans(X, init_centroids, max_iters=100):
        centroids = init_centroids.copy()
        labels = _assign(X, centroids)
        for _ in range(max_iters):
            labels = _assign(X, centroids)
            new = _update(X, labels, centroids)
            if np.array_equal(new, centroids):
                break
            centroids = new  # the labels above belong to the centroids before this update
        return centroids, labels


class farthest_point:
    def kmeans_pp_init(X, k, rng):
        chosen = [int(rng.integers(len(X)))]
        d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
        for _ in range(1, k):
            if d2.sum() == 0:
                raise ValueError("fewer distinct rows than k")
            pick = int(np.argmax(d2))  # the farthest point, not a draw
            chosen.append(pick)
            d2 = np.minimum(d2, ((X - X[pick]) ** 2).sum(axis=1))
        return X[chosen]


class distance_not_squared:
    def kmeans_pp_init(X, k, rng):
        return _pp(X, k, rng, int(rng.integers(len(X))), np.sqrt)  # D, not D^2


class first_centre_row_0:
    def kmeans_pp_init(X, k, rng):
        return _pp(X, k, rng, 0, lambda d2: d2)


class global_random_state:
    def kmeans_pp_init(X, k, rng):
        return _pp(X, k, np.random, int(np.random.randint(len(X))), lambda d2: d2)


class uniform_rows:
    def kmeans_pp_init(X, k, rng):
        if len(np.unique(X, axis=0)) < k:
            raise ValueError("fewer distinct rows than k")
        return X[rng.choice(len(X), size=k, replace=False)]
