"""Imports a module that does not exist."""

import numpy as np
import attention_helpers_that_do_not_exist  # noqa: F401


def scaled_dot_product_attention(q, k, v, mask=None):
    return q, q


def causal_mask(L):
    return np.ones((L, L), dtype=bool)
