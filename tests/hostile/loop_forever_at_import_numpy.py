"""Loops forever while the file is being imported."""

while True:
    pass


def scaled_dot_product_attention(q, k, v, mask=None):
    return q, q


def causal_mask(L):
    return None
