# expect: pass
"""Pairs as complex numbers x1 + i x2, turned by exp(i theta); the table by stacking sin and cos."""

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    n_pairs = (d_model + 1) // 2
    omega = np.power(10000.0, -2.0 * np.arange(n_pairs) / d_model)
    angle = np.arange(n_positions)[:, None] * omega[None, :]
    both = np.stack([np.sin(angle), np.cos(angle)], axis=-1).reshape(n_positions, 2 * n_pairs)
    return both[:, :d_model]


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2 != 0:
        raise ValueError("apply_rope needs an even last axis")
    h = d // 2
    theta = positions.astype(np.float64)[:, None] * base ** (-np.arange(h) * 2.0 / d)
    z = (x[..., :h] + 1j * x[..., h:]) * np.exp(1j * theta)
    return np.concatenate([z.real, z.imag], axis=-1)
