# expect: pass
"""Plain Python loops with math.sin / math.cos, one entry at a time."""

import math

import numpy as np


def sinusoidal_encoding(n_positions, d_model):
    pe = np.zeros((n_positions, d_model))
    for pos in range(n_positions):
        for j in range(d_model):
            angle = pos / 10000 ** (2 * (j // 2) / d_model)
            pe[pos, j] = math.sin(angle) if j % 2 == 0 else math.cos(angle)
    return pe


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2 == 1:
        raise ValueError("odd feature size")
    half = d // 2
    out = np.array(x, dtype=np.float64)
    flat_in = x.reshape(-1, x.shape[-2], d)
    flat_out = out.reshape(-1, x.shape[-2], d)
    for b in range(flat_in.shape[0]):
        for row, pos in enumerate(positions):
            for j in range(half):
                theta = int(pos) * base ** (-2 * j / d)
                a, c = flat_in[b, row, j], flat_in[b, row, j + half]
                flat_out[b, row, j] = a * math.cos(theta) - c * math.sin(theta)
                flat_out[b, row, j + half] = c * math.cos(theta) + a * math.sin(theta)
    return flat_out.reshape(x.shape)
