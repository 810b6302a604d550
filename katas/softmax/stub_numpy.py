"""Softmax and log-softmax in NumPy. Replace each `raise` with your code."""

import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    """Probabilities from logits, along one axis.

    x: float64 array of any shape (at least 1-D).
    axis: the axis the probabilities are taken over; negative values count
          from the end. Every other axis is a batch.
    temperature: a positive float T; the result is the softmax of x / T.
    Returns a float64 array of x's shape, non-negative, summing to 1 along
    `axis`. Must stay finite for any finite logits (think 1000 and -1000)
    and raise no overflow or invalid-value warning. Do not modify x.
    scipy.special.softmax is not allowed.
    """
    raise NotImplementedError


def log_softmax(x, axis=-1):
    """Log-probabilities from logits, along one axis: log(softmax(x, axis)).

    x: float64 array of any shape (at least 1-D); axis as in `softmax`.
    Returns a float64 array of x's shape. It must be finite wherever the true
    value is: log_softmax([0, -1000]) is [0, -1000], not [0, -inf].
    scipy.special.log_softmax and logsumexp are not allowed.
    """
    raise NotImplementedError
