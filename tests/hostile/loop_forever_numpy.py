"""Loops forever inside the graded function."""


def scaled_dot_product_attention(q, k, v, mask=None):
    while True:
        pass


def causal_mask(L):
    while True:
        pass
