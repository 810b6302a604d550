# expect: fail
"""The common tutorial table: fine for even d_model, a shape error for odd."""

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    position = np.arange(n_positions)[:, None]
    div_term = np.exp(np.arange(0, d_model, 2) * (-np.log(10000.0) / d_model))
    pe = np.zeros((n_positions, d_model))
    pe[:, 0::2] = np.sin(position * div_term)
    pe[:, 1::2] = np.cos(position * div_term)  # d//2 columns here, (d+1)//2 frequencies
    return pe


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    inv_freq = base ** (-np.arange(0, d, 2) / d)
    emb = np.tile(np.outer(positions, inv_freq), 2)
    rotated = np.concatenate([-x[..., d // 2:], x[..., : d // 2]], axis=-1)
    return x * np.cos(emb) + rotated * np.sin(emb)
