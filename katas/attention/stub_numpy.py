"""Scaled dot-product attention in NumPy. Replace each `raise` with your code."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    """Attend from the queries to the keys and average the values.

    q: (..., Lq, d), k: (..., Lk, d), v: (..., Lk, dv), float64 arrays.
    mask: None, or a boolean array broadcastable to (..., Lq, Lk),
          True where a query may attend to a key.
    Returns (out, weights): out (..., Lq, dv), weights (..., Lq, Lk), each row
    of weights a distribution over the keys.
    """
    raise NotImplementedError


def causal_mask(L):
    """The (L, L) boolean mask letting position i attend to positions 0..i."""
    raise NotImplementedError
