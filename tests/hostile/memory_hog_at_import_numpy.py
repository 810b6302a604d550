"""Grows a module-level list of Python objects without bound while being imported."""

hoard = []
while True:
    hoard.append([0.5] * 1_000_000)


def scaled_dot_product_attention(q, k, v, mask=None):
    return q, q


def causal_mask(L):
    return None
