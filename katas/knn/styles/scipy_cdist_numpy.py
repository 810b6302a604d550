# expect: pass
# scipy's distance matrix, take_along_axis, and one bincount over (row, class) bins.
import numpy as np
from scipy.spatial.distance import cdist


def _nearest(X_train, X_query, k):
    d = cdist(X_query, X_train)  # Euclidean
    return np.argsort(d, axis=1, kind="stable")[:, :k]


def k_nearest(X, query, k):
    return _nearest(X, np.atleast_2d(query), k)[0]


def knn_classify(X_train, y_train, X_query, k):
    classes, pos = np.unique(y_train, return_inverse=True)
    votes = pos[_nearest(X_train, X_query, k)]
    m, c = len(X_query), len(classes)
    counts = np.zeros((m, c), dtype=np.int64)
    np.add.at(counts, (np.repeat(np.arange(m), k), votes.ravel()), 1)
    return classes[counts.argmax(axis=1)]


def knn_regress(X_train, y_train, X_query, k):
    idx = _nearest(X_train, X_query, k)
    return np.take_along_axis(np.broadcast_to(y_train, idx.shape[:1] + y_train.shape), idx, axis=1).mean(axis=1)
