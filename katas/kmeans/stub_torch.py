"""k-means and k-means++ seeding in PyTorch. Replace each `raise` with your code."""

import torch


def kmeans(X, init_centroids, max_iters=100):
    """Lloyd's algorithm from the given centroids.

    X: float tensor (n, d), the points. init_centroids: tensor (k, d), the
    starting centroids (do not modify it).
    Each iteration is one update: every centroid moves to the mean of the
    points assigned to it (a centroid with no points keeps its place), then
    every point is assigned to its nearest centroid again (Euclidean distance;
    a tie goes to the lower index). Stop when an update changes no label, or
    after max_iters updates (max_iters=0: no update at all).
    Returns (centroids, labels): (k, d) in X's dtype and int64 (n,), on X's
    device, where labels[i] is the index of the returned centroid nearest to X[i].
    """
    raise NotImplementedError


def kmeans_pp_init(X, k, generator=None):
    """k-means++ seeding: k centres chosen among the rows of X.

    X: float tensor (n, d). k: int >= 1. generator: a torch.Generator on X's
    device, or None for torch's default one; pass it to every sampling call.
    The first centre is a row drawn uniformly; each next one is row i with
    probability D(i)^2 / sum_j D(j)^2, where D(i) is the distance from X[i]
    to the nearest centre chosen so far. Returns a tensor (k, d) in X's dtype
    and on its device: the chosen rows in the order drawn, k distinct points.
    Raise ValueError if X has fewer than k distinct rows.
    """
    raise NotImplementedError
