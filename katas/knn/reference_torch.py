"""Reference: k-nearest neighbours in PyTorch."""

import torch

BLOCK = 2 ** 15  # query-to-point differences built at a time


def _nearest(X_train, X_query, k):
    """(M, k) indices of each query's k nearest training points, ties by index."""
    # Queries go in blocks: at 2,000 queries x 5,000 points x 8 features the
    # whole (M, N, D) tensor of differences would hold 80 million numbers.
    step = max(1, BLOCK // X_train.numel())
    return torch.cat([_nearest_block(X_train, block, k) for block in X_query.split(step)])


def _nearest_block(X_train, X_query, k):
    # Direct differences, not a^2 - 2ab + b^2: exact wherever the coordinates
    # are, so equal distances stay equal in float32 too.
    d2 = ((X_query[:, None, :] - X_train[None, :, :]) ** 2).sum(dim=-1)
    # torch.topk and an unstable sort order ties as they please; stable=True keeps index order.
    return torch.sort(d2, dim=1, stable=True).indices[:, :k]


def k_nearest(X, query, k):
    return _nearest(X, query[None, :], k)[0]


def knn_classify(X_train, y_train, X_query, k):
    classes = torch.unique(y_train)  # sorted, so the first of equal counts is the smallest label
    votes = torch.searchsorted(classes, y_train[_nearest(X_train, X_query, k)])
    counts = torch.zeros(votes.shape[0], classes.numel(), dtype=torch.int64, device=votes.device)
    counts.scatter_add_(1, votes, torch.ones_like(votes))
    # argmax returns the first maximal index: a tied vote goes to the smallest label.
    return classes[counts.argmax(dim=1)]


def knn_regress(X_train, y_train, X_query, k):
    return y_train[_nearest(X_train, X_query, k)].mean(dim=1)
