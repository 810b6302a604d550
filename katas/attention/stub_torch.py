"""Scaled dot-product attention in PyTorch. Replace each `raise` with your code."""

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    """Attend from the queries to the keys and average the values.

    q: (..., Lq, d), k: (..., Lk, d), v: (..., Lk, dv), float32 tensors on any device.
    mask: None, or a boolean tensor broadcastable to (..., Lq, Lk),
          True where a query may attend to a key.
    Returns (out, weights) on the inputs' device and dtype: out (..., Lq, dv),
    weights (..., Lq, Lk), each row of weights a distribution over the keys.
    F.scaled_dot_product_attention and nn.MultiheadAttention are not allowed.
    """
    raise NotImplementedError


def causal_mask(L):
    """The (L, L) boolean CPU tensor letting position i attend to positions 0..i."""
    raise NotImplementedError
