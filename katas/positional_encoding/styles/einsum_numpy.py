# expect: pass
"""A 2x2 rotation matrix per (position, pair), applied with einsum."""

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    i = np.arange(d_model) // 2
    angle = np.outer(np.arange(n_positions), 1.0 / 10000.0 ** (2 * i / d_model))
    phase = np.where(np.arange(d_model) % 2 == 1, np.pi / 2, 0.0)  # cos t = sin(t + pi/2)
    out = np.sin(angle + phase)
    out[:, 1::2] = np.cos(angle[:, 1::2])  # exact cosines, not sin(t + pi/2) rounded
    return out


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    theta = np.einsum("l,j->lj", positions.astype(float), base ** (-np.arange(0, d, 2) / d))
    c, s = np.cos(theta), np.sin(theta)
    rot = np.stack([np.stack([c, -s], -1), np.stack([s, c], -1)], -2)  # (L, d/2, 2, 2)
    pairs = np.stack([x[..., : d // 2], x[..., d // 2:]], axis=-1)  # (..., L, d/2, 2)
    turned = np.einsum("ljab,...ljb->...lja", rot, pairs)
    return np.concatenate([turned[..., 0], turned[..., 1]], axis=-1)
