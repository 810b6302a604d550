"""Reference: sinusoidal positional encoding and rotary embeddings (RoPE) in NumPy."""

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    pos = np.arange(n_positions, dtype=np.float64)[:, None]
    column = np.arange(d_model)
    # Columns 2i and 2i + 1 share one frequency, 10000^(-2i/d): the pair index
    # is column // 2, so an odd d_model simply ends on a sine column.
    angle = pos * 10000.0 ** (-2.0 * (column // 2) / d_model)
    return np.where(column % 2 == 0, np.sin(angle), np.cos(angle))


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError(f"RoPE rotates pairs of features: the last axis must be even, got {d}")
    half = d // 2
    inv_freq = base ** (-2.0 * np.arange(half) / d)
    angle = np.asarray(positions, dtype=np.float64)[:, None] * inv_freq  # (L, d/2)
    cos, sin = np.cos(angle), np.sin(angle)
    # Half-split layout: feature j is paired with feature j + d/2, and each
    # pair turns by the angle position * inv_freq[j].
    x1, x2 = x[..., :half], x[..., half:]
    return np.concatenate([x1 * cos - x2 * sin, x2 * cos + x1 * sin], axis=-1)
