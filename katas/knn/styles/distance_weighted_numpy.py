# expect: fail
# Weighted kNN (weights 1 / distance) where the plain vote and mean are asked for.
import numpy as np


def _nearest(X_train, X_query, k):
    d = np.sqrt(((X_query[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=-1))
    idx = np.argsort(d, axis=1, kind="stable")[:, :k]
    return idx, 1.0 / (np.take_along_axis(d, idx, axis=1) + 1e-9)


def k_nearest(X, query, k):
    return _nearest(X, query[None], k)[0][0]


def knn_classify(X_train, y_train, X_query, k):
    idx, w = _nearest(X_train, X_query, k)
    classes = np.unique(y_train)
    scores = ((y_train[idx][:, :, None] == classes) * w[:, :, None]).sum(axis=1)
    return classes[scores.argmax(axis=1)]


def knn_regress(X_train, y_train, X_query, k):
    idx, w = _nearest(X_train, X_query, k)
    return (y_train[idx] * w).sum(axis=1) / w.sum(axis=1)
