"""Sinusoidal positional encoding and rotary embeddings (RoPE) in NumPy. Replace each `raise` with your code."""

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    """The fixed positional encoding of "Attention Is All You Need".

    n_positions, d_model: Python ints (d_model may be odd).
    Returns a float64 array (n_positions, d_model) with
        PE[pos, 2i]     = sin(pos / 10000^(2i / d_model))
        PE[pos, 2i + 1] = cos(pos / 10000^(2i / d_model))
    for positions 0 .. n_positions - 1.
    """
    raise NotImplementedError


def apply_rope(x, positions, base=10000.0):
    """Rotary position embedding, half-split ("rotate half") layout.

    x: float64 array (..., L, d), d even; any leading axes (batch, heads).
    positions: int64 array (L,), the position of each of the L rows (not
               necessarily 0 .. L-1).
    base: the frequency base; pair j (feature j with feature j + d/2) turns
          by the angle positions * base^(-2j/d).
    Returns a float64 array of x's shape. Raises ValueError if d is odd.
    Do not modify x.
    """
    raise NotImplementedError
