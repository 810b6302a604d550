"""k-nearest neighbours in PyTorch. Replace each `raise` with your code.

Inputs are float32 tensors (labels int64) on one device; return tensors on that device.
"""

import torch


def k_nearest(X, query, k):
    """Indices of the k training points nearest to one query.

    X: (N, D) float32 training points; query: (D,) float32; 1 <= k <= N.
    Returns a (k,) int64 tensor of row indices of X, by increasing Euclidean
    distance to query; equal distances in increasing index order.
    """
    raise NotImplementedError


def knn_classify(X_train, y_train, X_query, k):
    """Majority vote of each query's k nearest neighbours.

    X_train: (N, D) float32; y_train: (N,) int64 labels, non-negative but not
    necessarily 0 .. C-1 (e.g. 3, 7, 10); X_query: (M, D) float32.
    Returns an (M,) int64 tensor: for each query the label most common among
    its k nearest training points (chosen as k_nearest chooses them); a tied
    vote goes to the smallest of the tied labels.
    """
    raise NotImplementedError


def knn_regress(X_train, y_train, X_query, k):
    """Mean target of each query's k nearest neighbours.

    X_train: (N, D) float32; y_train: (N,) float32 targets; X_query: (M, D).
    Returns an (M,) float32 tensor: for each query the mean of y_train over its
    k nearest training points (chosen as k_nearest chooses them).
    """
    raise NotImplementedError
