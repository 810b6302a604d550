"""Raises KeyboardInterrupt inside the graded function."""


def scaled_dot_product_attention(q, k, v, mask=None):
    raise KeyboardInterrupt


def causal_mask(L):
    raise KeyboardInterrupt
