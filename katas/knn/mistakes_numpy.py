"""The classic mistakes of k-nearest neighbours, NumPy track: one class per mistake."""

from collections import Counter

import numpy as np


def _sq_distances(X_train, X_query):
    return ((X_query[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=-1)


def _order(X_train, X_query):
    return np.argsort(_sq_distances(X_train, X_query), axis=1, kind="stable")


def _vote(labels):
    classes = np.unique(labels)
    return classes[np.array([np.sum(labels == c) for c in classes]).argmax()]


class farthest_neighbours:
    def k_nearest(X, query, k):
        d2 = ((X - query) ** 2).sum(axis=1)
        return np.argsort(-d2, kind="stable")[:k]

    def knn_classify(X_train, y_train, X_query, k):
        far = np.argsort(-_sq_distances(X_train, X_query), axis=1, kind="stable")[:, :k]
        return np.array([_vote(row) for row in y_train[far]], dtype=np.int64)

    def knn_regress(X_train, y_train, X_query, k):
        far = np.argsort(-_sq_distances(X_train, X_query), axis=1, kind="stable")[:, :k]
        return y_train[far].mean(axis=1)


def _ties_reversed(d2):
    # Equal distances in decreasing index order: one of the orders an unstable
    # sort (np.argsort's default, torch.topk) may give, made deterministic here.
    columns = np.broadcast_to(np.arange(d2.shape[-1]), d2.shape)
    return np.lexsort((-columns, d2), axis=-1)


class unstable_tie_order:
    def k_nearest(X, query, k):
        return _ties_reversed(((X - query) ** 2).sum(axis=1))[:k]

    def knn_classify(X_train, y_train, X_query, k):
        near = _ties_reversed(_sq_distances(X_train, X_query))[:, :k]
        return np.array([_vote(row) for row in y_train[near]], dtype=np.int64)

    def knn_regress(X_train, y_train, X_query, k):
        near = _ties_reversed(_sq_distances(X_train, X_query))[:, :k]
        return y_train[near].mean(axis=1)


class unsorted_neighbours:
    def k_nearest(X, query, k):
        d2 = ((X - query) ** 2).sum(axis=1)
        return np.sort(np.argsort(d2, kind="stable")[:k])  # the right set, in index order


class nearest_skipped:
    def k_nearest(X, query, k):
        d2 = ((X - query) ** 2).sum(axis=1)
        return np.argsort(d2, kind="stable")[1:k + 1]

    def knn_classify(X_train, y_train, X_query, k):
        near = _order(X_train, X_query)[:, 1:k + 1]
        return np.array([_vote(row) for row in y_train[near]], dtype=np.int64)

    def knn_regress(X_train, y_train, X_query, k):
        return y_train[_order(X_train, X_query)[:, 1:k + 1]].mean(axis=1)


class vote_tie_to_nearest:
    def knn_classify(X_train, y_train, X_query, k):
        near = _order(X_train, X_query)[:, :k]
        # most_common ranks equal counts by first appearance: the nearer label wins a tie.
        return np.array([Counter(row.tolist()).most_common(1)[0][0] for row in y_train[near]], dtype=np.int64)


class class_position_not_label:
    def knn_classify(X_train, y_train, X_query, k):
        classes, position = np.unique(y_train, return_inverse=True)
        votes = position[_order(X_train, X_query)[:, :k]]
        counts = np.stack([np.bincount(row, minlength=classes.size) for row in votes])
        return counts.argmax(axis=1)  # a position in classes, never mapped back to its label


class regress_mean_over_queries:
    def knn_regress(X_train, y_train, X_query, k):
        return y_train[_order(X_train, X_query)[:, :k]].mean(axis=0)


class python_double_loop:
    def k_nearest(X, query, k):
        d = np.array([np.sqrt(np.sum((x - query) ** 2)) for x in X])
        return np.argsort(d, kind="stable")[:k]

    def knn_classify(X_train, y_train, X_query, k):
        out = np.empty(len(X_query), dtype=np.int64)
        for i, q in enumerate(X_query):
            d = np.empty(len(X_train))
            for j, x in enumerate(X_train):
                d[j] = np.sqrt(np.sum((x - q) ** 2))
            out[i] = _vote(y_train[np.argsort(d, kind="stable")[:k]])
        return out

    def knn_regress(X_train, y_train, X_query, k):
        out = np.empty(len(X_query))
        for i, q in enumerate(X_query):
            d = np.empty(len(X_train))
            for j, x in enumerate(X_train):
                d[j] = np.sqrt(np.sum((x - q) ** 2))
            out[i] = y_train[np.argsort(d, kind="stable")[:k]].mean()
        return out
