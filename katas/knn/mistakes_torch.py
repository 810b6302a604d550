"""The classic mistakes of k-nearest neighbours, PyTorch track: one class per mistake."""

from collections import Counter

import torch


def _sorted_blocks(X_train, X_query, sort):
    """sort(d2) on blocks of queries, as the reference builds them, concatenated."""
    step = max(1, 2 ** 15 // X_train.numel())
    return torch.cat([sort(((block[:, None, :] - X_train[None, :, :]) ** 2).sum(dim=-1))
                      for block in X_query.split(step)])


def _order(X_train, X_query):
    return _sorted_blocks(X_train, X_query, lambda d2: torch.sort(d2, dim=1, stable=True).indices)


def _votes(labels):
    """Majority label of each row of `labels`, a tie to the smallest."""
    classes = torch.unique(labels)
    counts = (labels[:, :, None] == classes).sum(dim=1)
    return classes[counts.argmax(dim=1)]


def _farthest_first(X_train, X_query):
    return _sorted_blocks(X_train, X_query, lambda d2: torch.sort(d2, dim=1, descending=True, stable=True).indices)


class farthest_neighbours:
    def k_nearest(X, query, k):
        return torch.topk(((X - query) ** 2).sum(dim=1), k).indices  # largest=True by default

    def knn_classify(X_train, y_train, X_query, k):
        return _votes(y_train[_farthest_first(X_train, X_query)[:, :k]])

    def knn_regress(X_train, y_train, X_query, k):
        return y_train[_farthest_first(X_train, X_query)[:, :k]].mean(dim=1)


def _ties_reversed(d2):
    # Equal distances in decreasing index order: one of the orders an unstable
    # sort (torch.topk, torch.sort without stable=True) may give, made deterministic here.
    flipped = torch.sort(d2.flip(-1), dim=-1, stable=True).indices
    return d2.shape[-1] - 1 - flipped


class unstable_tie_order:
    def k_nearest(X, query, k):
        return _ties_reversed(((X - query) ** 2).sum(dim=1))[:k]

    def knn_classify(X_train, y_train, X_query, k):
        return _votes(y_train[_sorted_blocks(X_train, X_query, _ties_reversed)[:, :k]])

    def knn_regress(X_train, y_train, X_query, k):
        return y_train[_sorted_blocks(X_train, X_query, _ties_reversed)[:, :k]].mean(dim=1)


class unsorted_neighbours:
    def k_nearest(X, query, k):
        near = torch.sort(((X - query) ** 2).sum(dim=1), stable=True).indices[:k]
        return torch.sort(near).values  # the right set, in index order


class nearest_skipped:
    def k_nearest(X, query, k):
        return torch.sort(((X - query) ** 2).sum(dim=1), stable=True).indices[1:k + 1]

    def knn_classify(X_train, y_train, X_query, k):
        return _votes(y_train[_order(X_train, X_query)[:, 1:k + 1]])

    def knn_regress(X_train, y_train, X_query, k):
        return y_train[_order(X_train, X_query)[:, 1:k + 1]].mean(dim=1)


class vote_tie_to_nearest:
    def knn_classify(X_train, y_train, X_query, k):
        rows = y_train[_order(X_train, X_query)[:, :k]].tolist()
        # most_common ranks equal counts by first appearance: the nearer label wins a tie.
        winners = [Counter(row).most_common(1)[0][0] for row in rows]
        return torch.tensor(winners, dtype=torch.int64, device=y_train.device)


class class_position_not_label:
    def knn_classify(X_train, y_train, X_query, k):
        classes, position = torch.unique(y_train, return_inverse=True)
        votes = position[_order(X_train, X_query)[:, :k]]
        counts = torch.zeros(votes.shape[0], classes.numel(), dtype=torch.int64, device=votes.device)
        counts.scatter_add_(1, votes, torch.ones_like(votes))
        return counts.argmax(dim=1)  # a position in classes, never mapped back to its label


class regress_mean_over_queries:
    def knn_regress(X_train, y_train, X_query, k):
        return y_train[_order(X_train, X_query)[:, :k]].mean(dim=0)


def _distances_one_by_one(X_train, q):
    d = torch.empty(X_train.shape[0], device=X_train.device)
    for j in range(X_train.shape[0]):
        d[j] = torch.sqrt(((X_train[j] - q) ** 2).sum())
    return d


class python_double_loop:
    def k_nearest(X, query, k):
        return torch.sort(_distances_one_by_one(X, query), stable=True).indices[:k]

    def knn_classify(X_train, y_train, X_query, k):
        out = torch.empty(X_query.shape[0], dtype=torch.int64, device=X_query.device)
        for i in range(X_query.shape[0]):
            near = torch.sort(_distances_one_by_one(X_train, X_query[i]), stable=True).indices[:k]
            out[i] = _votes(y_train[near][None, :])[0]
        return out

    def knn_regress(X_train, y_train, X_query, k):
        out = torch.empty(X_query.shape[0], dtype=y_train.dtype, device=X_query.device)
        for i in range(X_query.shape[0]):
            near = torch.sort(_distances_one_by_one(X_train, X_query[i]), stable=True).indices[:k]
            out[i] = y_train[near].mean()
        return out
