# expect: pass
"""A loop over the pairs of features, one frequency at a time."""

import math

import torch


def sinusoidal_encoding(n_positions, d_model):
    pos = torch.arange(n_positions, dtype=torch.float64)
    columns = []
    for j in range(d_model):
        w = 10000.0 ** (-(j - j % 2) / d_model)
        columns.append(torch.sin(pos * w) if j % 2 == 0 else torch.cos(pos * w))
    return torch.stack(columns, dim=1).float()


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2 == 1:
        raise ValueError(f"cannot pair {d} features")
    half = d // 2
    pos = positions.to(torch.float64)
    first, second = [], []
    for j in range(half):
        theta = pos * math.pow(base, -2 * j / d)
        c, s = theta.cos().to(x.dtype), theta.sin().to(x.dtype)
        a, b = x[..., j], x[..., j + half]
        first.append(a * c - b * s)
        second.append(b * c + a * s)
    return torch.stack(first + second, dim=-1)
