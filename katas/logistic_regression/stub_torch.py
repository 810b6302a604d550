"""Logistic regression in PyTorch. Replace each `raise` with your code."""

import torch


def fit(X, y, lr=0.1, n_epochs=100):
    """Fit weights and a bias by full-batch gradient descent on the mean binary cross-entropy.

    X: float32 tensor (N, D) on any device. y: (N,) labels, each 0 or 1
    (int64, or float32 holding 0.0 and 1.0; both must work), on X's device.
    Start from w = 0 and b = 0 and take exactly `n_epochs` steps, each on the
    whole batch: w -= lr * dL/dw and b -= lr * dL/db, where L is the mean
    over the N samples of -[y log p + (1 - y) log(1 - p)], p = sigmoid(X @ w + b).
    Returns (w, b): w a tensor (D,), b a 0-d tensor, both of X's dtype and
    on X's device. Must stay finite when the data are separable and the
    logits grow into the thousands. Do not modify X or y.
    """
    raise NotImplementedError


def predict_proba(X, w, b):
    """P(y = 1 | x) = sigmoid(x @ w + b) for every row of X (N, D): a tensor (N,) of X's dtype.

    w: (D,), b: a 0-d tensor. Must be right for logits of any size (think
    +-1000).
    """
    raise NotImplementedError


def predict(X, w, b, threshold=0.5):
    """0/1 labels, an int64 tensor (N,) on X's device: 1 where predict_proba(X, w, b) >= threshold.

    A probability exactly equal to the threshold gives 1.
    """
    raise NotImplementedError
