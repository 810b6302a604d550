"""Reference: k-nearest neighbours in NumPy."""

import numpy as np

BLOCK = 2 ** 15  # query-to-point differences built at a time


def _nearest(X_train, X_query, k):
    """(M, k) indices of each query's k nearest training points, ties by index."""
    # Queries go in blocks: at 2,000 queries x 5,000 points x 8 features the
    # whole (M, N, D) array of differences would hold 80 million numbers.
    step = max(1, BLOCK // X_train.size)
    return np.concatenate([_nearest_block(X_train, X_query[i:i + step], k) for i in range(0, len(X_query), step)])


def _nearest_block(X_train, X_query, k):
    # Squared distances order the points as the distances do, and the direct
    # differences are exact wherever the coordinates are (no a^2 - 2ab + b^2
    # cancellation), so equal distances stay equal.
    d2 = ((X_query[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=-1)
    # A stable sort keeps equal distances in index order.
    return np.argsort(d2, axis=1, kind="stable")[:, :k]


def k_nearest(X, query, k):
    return _nearest(X, query[None, :], k)[0]


def knn_classify(X_train, y_train, X_query, k):
    classes = np.unique(y_train)  # sorted, so the first of equal counts is the smallest label
    votes = np.searchsorted(classes, y_train[_nearest(X_train, X_query, k)])
    m, c = votes.shape[0], classes.size
    # Row r's votes go to the flat bins r * C + class position: one bincount counts them all.
    counts = np.bincount((np.arange(m)[:, None] * c + votes).ravel(), minlength=m * c).reshape(m, c)
    return classes[counts.argmax(axis=1)]


def knn_regress(X_train, y_train, X_query, k):
    return y_train[_nearest(X_train, X_query, k)].mean(axis=1)
