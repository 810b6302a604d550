"""Inverted dropout, forward and backward, in NumPy. Replace each `raise` with your code."""

import numpy as np


def dropout(x, p, training, rng):
    """Inverted dropout of x.

    x: float64 array of any shape.
    p: the drop probability, 0 <= p <= 1.
    training: in training, each entry is kept independently with
        probability 1 - p, drawing from rng (a np.random.Generator) and
        from nothing else, and kept entries are divided by 1 - p; dropped
        entries are 0. Out of training, x comes back unchanged.
    Returns (out, keep_mask): out has x's shape; keep_mask is a bool array
    of x's shape, True where the entry was kept (all True out of training).
    p = 1 drops everything: out is all zeros, never NaN. Do not modify x.
    """
    raise NotImplementedError


def dropout_backward(dout, keep_mask, p):
    """The gradient with respect to x of a training-mode dropout(x, p, ...).

    dout: the gradient with respect to out, float64, of x's shape.
    keep_mask: the bool mask that forward call returned.
    Returns dL/dx, an array of dout's shape (all zeros at p = 1).
    """
    raise NotImplementedError
