"""Does not parse: a def without a colon."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None)
    return q, q


def causal_mask(L):
    return np.ones((L, L))
