# expect: fail as interleaved-pairs
"""RoPE on neighbouring pairs (2j, 2j+1) as complex numbers, as in Meta's Llama code."""

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    j = np.arange(d_model)
    angle = np.arange(n_positions)[:, None] / 10000.0 ** (2 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.sin(angle), np.cos(angle))


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    theta = positions[:, None] * base ** (-2.0 * np.arange(d // 2) / d)
    z = (x[..., 0::2] + 1j * x[..., 1::2]) * np.exp(1j * theta)
    return np.stack([z.real, z.imag], axis=-1).reshape(x.shape)
