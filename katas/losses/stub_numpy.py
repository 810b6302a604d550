"""Loss functions in NumPy. Replace each `raise` with your code.

Every loss returns a Python float (the mean over the batch), never an array.
Library losses are not allowed (torch's F.*_loss, F.cross_entropy, nn.*Loss,
sklearn.metrics); scipy.special.logsumexp, log_softmax, expit and log_expit,
and elementwise maths such as np.log1p and np.logaddexp are fine.
"""

import numpy as np


def mse(pred, target):
    """Mean squared error: the mean over every element of (pred - target)**2.

    pred, target: float64 arrays of the same shape (any shape).
    Returns a Python float.
    """
    raise NotImplementedError


def mae(pred, target):
    """Mean absolute error: the mean over every element of |pred - target|.

    pred, target: float64 arrays of the same shape (any shape).
    Returns a Python float.
    """
    raise NotImplementedError


def binary_cross_entropy(probs, target, eps=1e-12):
    """Mean binary cross-entropy of probabilities.

    probs: float64 array of probabilities in [0, 1], exactly 0 and 1 included.
    target: float64 array of probs' shape, values in [0, 1] (usually 0 or 1).
    eps: the floor of each log's argument: the loss is the mean of
         -(y * log(max(p, eps)) + (1 - y) * log(max(1 - p, eps))).
    Returns a Python float, finite for every p in [0, 1].
    """
    raise NotImplementedError


def bce_with_logits(logits, target):
    """Mean binary cross-entropy of sigmoid(logits), computed from the logits.

    logits: float64 array, any finite values (think 1000 and -1000).
    target: float64 array of logits' shape, values in [0, 1].
    Returns a Python float; no overflow warning, no inf, no NaN.
    """
    raise NotImplementedError


def cross_entropy(logits, labels, label_smoothing=0.0):
    """Mean categorical cross-entropy of softmax(logits) against integer labels.

    logits: float64 array (N, C) of unnormalised scores, any finite values.
    labels: int64 array (N,), each in 0 .. C - 1.
    label_smoothing: eps in [0, 1]; the target of a row is (1 - eps) on its
         label plus eps / C on every class (the label included).
    Returns a Python float: the mean over the N rows, the same value as
    torch.nn.functional.cross_entropy(logits, labels, label_smoothing=eps).
    """
    raise NotImplementedError
