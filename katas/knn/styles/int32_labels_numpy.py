# expect: fail
# Indices and labels as int32: the contract asks for int64.
import numpy as np


def _nearest(X_train, X_query, k):
    d2 = ((X_query[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=-1)
    return np.argsort(d2, axis=1, kind="stable")[:, :k].astype(np.int32)


def k_nearest(X, query, k):
    return _nearest(X, query[None], k)[0]


def knn_classify(X_train, y_train, X_query, k):
    out = np.empty(len(X_query), dtype=np.int32)
    for i, row in enumerate(y_train[_nearest(X_train, X_query, k)]):
        out[i] = np.bincount(row).argmax()
    return out


def knn_regress(X_train, y_train, X_query, k):
    return y_train[_nearest(X_train, X_query, k)].mean(axis=1)
