"""Writes hundreds of megabytes straight to file descriptors 1 and 2, around sys.stdout."""

import os

import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    block = b"x" * (1024 * 1024)
    for _ in range(200):
        os.write(1, block)
        os.write(2, block)
    return np.zeros(q.shape[:-1] + v.shape[-1:]), np.zeros(q.shape[:-1] + k.shape[-2:-1])


def causal_mask(L):
    block = b"y" * (1024 * 1024)
    for _ in range(200):
        os.write(1, block)
    return np.zeros((L, L), dtype=bool)
