"""Allocates (and touches) arrays without bound inside the graded function."""

import numpy as np

_kept = []


def scaled_dot_product_attention(q, k, v, mask=None):
    while True:
        _kept.append(np.ones(16 * 1024 * 1024))  # 128 MiB each, written so it is resident


def causal_mask(L):
    return scaled_dot_product_attention(None, None, None)
