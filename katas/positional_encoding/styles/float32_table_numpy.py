# expect: fail
"""Builds the table in float32: the NumPy track returns float64."""

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    j = np.arange(d_model)
    angle = np.arange(n_positions, dtype=np.float32)[:, None] / np.float32(10000.0) ** (2 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.sin(angle), np.cos(angle)).astype(np.float32)


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    theta = positions[:, None] * base ** (-2.0 * np.arange(d // 2) / d)
    x1, x2 = x[..., : d // 2], x[..., d // 2:]
    return np.concatenate([x1 * np.cos(theta) - x2 * np.sin(theta), x2 * np.cos(theta) + x1 * np.sin(theta)], -1)
