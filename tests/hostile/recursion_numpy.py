"""Recurses without end (Python's recursion limit stops it)."""


def scaled_dot_product_attention(q, k, v, mask=None):
    return scaled_dot_product_attention(q, k, v, mask)


def causal_mask(L):
    return causal_mask(L + 1)
