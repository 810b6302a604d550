"""The classic mistakes of kmeans and kmeans_pp_init, PyTorch track: one class per mistake."""

import torch


def _squared(X, centroids):
    return ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(dim=-1)


def _assign(X, centroids):
    return torch.argmin(_squared(X, centroids), dim=1)


def _update(X, labels, centroids):
    new = centroids.clone()
    for j in range(len(centroids)):
        members = X[labels == j]
        if len(members):
            new[j] = members.mean(dim=0)
    return new


def _lloyd(X, init_centroids, max_iters, assign, update):
    centroids = init_centroids.clone()
    labels = assign(X, centroids)
    for _ in range(max_iters):
        centroids = update(X, labels, centroids)
        new_labels = assign(X, centroids)
        if torch.equal(new_labels, labels):
            break
        labels = new_labels
    return centroids, labels


def _pp(X, k, generator, first, weight):
    """k-means++ with the first index given and each next index drawn by `weight(d2)`."""
    chosen = [first]
    d2 = ((X - X[first]) ** 2).sum(dim=1)
    for _ in range(1, k):
        w = weight(d2)
        if not bool(w.sum() > 0):
            raise ValueError("fewer distinct rows than k")
        pick = int(torch.multinomial(w, 1, generator=generator))
        chosen.append(pick)
        d2 = torch.minimum(d2, ((X - X[pick]) ** 2).sum(dim=1))
    return X[chosen]


def _first(X, generator):
    return int(torch.randint(len(X), (1,), generator=generator, device=X.device))


class argmin_wrong_axis:
    def kmeans(X, init_centroids, max_iters=100):
        def assign(X, centroids):
            return torch.argmin(_squared(X, centroids), dim=0)  # over the points: k labels, not n
        return _lloyd(X, init_centroids, max_iters, assign, _update)


class norm_over_whole_array:
    def kmeans(X, init_centroids, max_iters=100):
        def assign(X, centroids):
            distances = torch.empty(len(X), len(centroids), dtype=X.dtype, device=X.device)
            for j, c in enumerate(centroids):
                distances[:, j] = torch.norm(X - c)  # no dim: one number for the whole tensor
            return torch.argmin(distances, dim=1)
        return _lloyd(X, init_centroids, max_iters, assign, _update)


class empty_cluster_nan:
    def kmeans(X, init_centroids, max_iters=100):
        def update(X, labels, centroids):
            # The mean of an empty cluster is 0 / 0.
            return torch.stack([X[labels == j].mean(dim=0) for j in range(len(centroids))])
        return _lloyd(X, init_centroids, max_iters, _assign, update)


class ties_to_last:
    def kmeans(X, init_centroids, max_iters=100):
        def assign(X, centroids):
            labels = torch.zeros(len(X), dtype=torch.int64, device=X.device)
            best = torch.full((len(X),), float("inf"), dtype=X.dtype, device=X.device)
            for j, c in enumerate(centroids):
                d = ((X - c) ** 2).sum(dim=1)
                closer = d <= best  # <=: a later centroid at the same distance takes the point
                labels[closer] = j
                best[closer] = d[closer]
            return labels
        return _lloyd(X, init_centroids, max_iters, assign, _update)


class one_iteration:
    def kmeans(X, init_centroids, max_iters=100):
        centroids = init_centroids.clone()
        labels = _assign(X, centroids)
        for _ in range(max_iters):
            centroids = _update(X, labels, centroids)
            labels = _assign(X, centroids)
            return centroids, labels  # returns inside the loop
        return centroids, labels


class stale_labels:
    def kmeans(X, init_centroids, max_iters=100):
        centroids = init_centroids.clone()
        labels = _assign(X, centroids)
        for _ in range(max_iters):
            labels = _assign(X, centroids)
            new = _update(X, labels, centroids)
            if torch.equal(new, centroids):
                break
            centroids = new  # the labels above belong to the centroids before this update
        return centroids, labels


class farthest_point:
    def kmeans_pp_init(X, k, generator=None):
        chosen = [_first(X, generator)]
        d2 = ((X - X[chosen[0]]) ** 2).sum(dim=1)
        for _ in range(1, k):
            if not bool(d2.sum() > 0):
                raise ValueError("fewer distinct rows than k")
            pick = int(torch.argmax(d2))  # the farthest point, not a draw
            chosen.append(pick)
            d2 = torch.minimum(d2, ((X - X[pick]) ** 2).sum(dim=1))
        return X[chosen]


class distance_not_squared:
    def kmeans_pp_init(X, k, generator=None):
        return _pp(X, k, generator, _first(X, generator), torch.sqrt)  # D, not D^2


class first_centre_row_0:
    def kmeans_pp_init(X, k, generator=None):
        return _pp(X, k, generator, 0, lambda d2: d2)


class global_random_state:
    def kmeans_pp_init(X, k, generator=None):
        return _pp(X, k, None, _first(X, None), lambda d2: d2)  # the global generator


class uniform_rows:
    def kmeans_pp_init(X, k, generator=None):
        if len(torch.unique(X, dim=0)) < k:
            raise ValueError("fewer distinct rows than k")
        return X[torch.randperm(len(X), generator=generator, device=X.device)[:k]]
