"""Logistic regression in NumPy. Replace each `raise` with your code."""

import numpy as np


def fit(X, y, lr=0.1, n_epochs=100):
    """Fit weights and a bias by full-batch gradient descent on the mean binary cross-entropy.

    X: float64 array (N, D). y: (N,) labels, each 0 or 1 (int64, or float64
    holding 0.0 and 1.0; both must work).
    Start from w = 0 and b = 0 and take exactly `n_epochs` steps, each on the
    whole batch: w -= lr * dL/dw and b -= lr * dL/db, where L is the mean
    over the N samples of -[y log p + (1 - y) log(1 - p)], p = sigmoid(X @ w + b).
    Returns (w, b): w a float64 array (D,), b a Python float.
    Must stay finite and raise no overflow warning when the data are
    separable and the logits grow into the thousands. Do not modify X or y.
    """
    raise NotImplementedError


def predict_proba(X, w, b):
    """P(y = 1 | x) = sigmoid(x @ w + b) for every row of X (N, D): a float64 array (N,).

    w: (D,), b: a float. Must be right, and silent, for logits of any size
    (think +-1000).
    """
    raise NotImplementedError


def predict(X, w, b, threshold=0.5):
    """0/1 labels, an int64 array (N,): 1 where predict_proba(X, w, b) >= threshold.

    A probability exactly equal to the threshold gives 1.
    """
    raise NotImplementedError
