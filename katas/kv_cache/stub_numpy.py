"""Causal self-attention and KV-cached decoding, numpy track. Replace each `raise` with your code."""

import numpy as np


def causal_self_attention(x, W_qkv, W_o, n_heads):
    """Multi-head causal self-attention over a whole sequence, without biases.

    x: (N, L, E); W_qkv: (3E, E), the query, key and value rows stacked in that
    order and applied as x @ W_qkv.T; W_o: (E, E), applied as heads @ W_o.T;
    n_heads divides E. Position i attends to positions 0..i. float64 arrays.
    Returns out: (N, L, E).
    """
    raise NotImplementedError


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    """One decoding step: the output for a new token, attending to every earlier token.

    x_t: (N, E) or (N, 1, E), the next token of each sequence; cache: None at
    the first step, else what the previous decode_step returned (its layout is
    yours). Leave the cache you are given unchanged.
    Returns (out_t, cache): out_t has x_t's shape and equals
    causal_self_attention on the whole sequence so far at its last position.
    """
    raise NotImplementedError
