"""Lifts the recursion limit, then recurses without end until the C stack overflows."""

import sys

sys.setrecursionlimit(10**8)


def scaled_dot_product_attention(q, k, v, mask=None):
    return scaled_dot_product_attention(q, k, v, mask)


def causal_mask(L):
    return causal_mask(L + 1)
