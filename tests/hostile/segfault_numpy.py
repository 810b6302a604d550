"""Segfaults by reading address 0 through ctypes."""

import ctypes


def scaled_dot_product_attention(q, k, v, mask=None):
    return ctypes.string_at(0)


def causal_mask(L):
    return ctypes.string_at(0)
