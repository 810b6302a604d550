"""Sinusoidal positional encoding and rotary embeddings (RoPE) in PyTorch. Replace each `raise` with your code."""

import torch


def sinusoidal_encoding(n_positions, d_model):
    """The fixed positional encoding of "Attention Is All You Need".

    n_positions, d_model: Python ints (d_model may be odd).
    Returns a float32 tensor on the CPU, (n_positions, d_model), with
        PE[pos, 2i]     = sin(pos / 10000^(2i / d_model))
        PE[pos, 2i + 1] = cos(pos / 10000^(2i / d_model))
    for positions 0 .. n_positions - 1.
    """
    raise NotImplementedError


def apply_rope(x, positions, base=10000.0):
    """Rotary position embedding, half-split ("rotate half") layout.

    x: float32 tensor (..., L, d), d even, on any device; any leading
       dimensions (batch, heads).
    positions: int64 tensor (L,) on x's device, the position of each of the
               L rows (not necessarily 0 .. L-1).
    base: the frequency base; pair j (feature j with feature j + d/2) turns
          by the angle positions * base^(-2j/d).
    Returns a tensor of x's shape, dtype and device. Raises ValueError if d
    is odd. Do not modify x.
    """
    raise NotImplementedError
