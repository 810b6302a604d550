"""k-nearest neighbours in NumPy. Replace each `raise` with your code."""

import numpy as np


def k_nearest(X, query, k):
    """Indices of the k training points nearest to one query.

    X: (N, D) float64 training points; query: (D,) float64; 1 <= k <= N.
    Returns a (k,) int64 array of row indices of X, by increasing Euclidean
    distance to query; equal distances in increasing index order.
    """
    raise NotImplementedError


def knn_classify(X_train, y_train, X_query, k):
    """Majority vote of each query's k nearest neighbours.

    X_train: (N, D) float64; y_train: (N,) int64 labels, non-negative but not
    necessarily 0 .. C-1 (e.g. 3, 7, 10); X_query: (M, D) float64.
    Returns an (M,) int64 array: for each query the label most common among
    its k nearest training points (chosen as k_nearest chooses them); a tied
    vote goes to the smallest of the tied labels.
    """
    raise NotImplementedError


def knn_regress(X_train, y_train, X_query, k):
    """Mean target of each query's k nearest neighbours.

    X_train: (N, D) float64; y_train: (N,) float64 targets; X_query: (M, D).
    Returns an (M,) float64 array: for each query the mean of y_train over its
    k nearest training points (chosen as k_nearest chooses them).
    """
    raise NotImplementedError
