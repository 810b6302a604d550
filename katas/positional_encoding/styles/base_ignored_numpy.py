# expect: fail
"""Hard-codes 10000 as the RoPE base, whatever base is passed."""

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    j = np.arange(d_model)
    angle = np.arange(n_positions)[:, None] / 10000.0 ** (2 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.sin(angle), np.cos(angle))


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    theta = positions[:, None] * 10000.0 ** (-2.0 * np.arange(d // 2) / d)
    x1, x2 = x[..., : d // 2], x[..., d // 2:]
    return np.concatenate([x1 * np.cos(theta) - x2 * np.sin(theta), x2 * np.cos(theta) + x1 * np.sin(theta)], -1)
