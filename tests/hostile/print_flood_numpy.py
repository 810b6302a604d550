"""Prints hundreds of megabytes through print()."""

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    line = "x" * (1024 * 1024)
    for _ in range(400):
        print(line)
    return np.zeros(q.shape[:-1] + v.shape[-1:]), np.zeros(q.shape[:-1] + k.shape[-2:-1])


def causal_mask(L):
    for _ in range(400):
        print("y" * (1024 * 1024))
    return np.zeros((L, L), dtype=bool)
