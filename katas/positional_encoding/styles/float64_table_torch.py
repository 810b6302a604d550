# expect: fail
"""Returns the table in float64: the torch track asks for float32."""

import torch


def sinusoidal_encoding(n_positions, d_model):
    i = torch.arange(d_model) // 2
    angle = torch.arange(n_positions, dtype=torch.float64)[:, None] / 10000.0 ** (2 * i / d_model)
    return torch.where(torch.arange(d_model) % 2 == 0, angle.sin(), angle.cos())


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    half = d // 2
    theta = positions.double()[:, None] * base ** (-2.0 * torch.arange(half, device=x.device, dtype=torch.float64) / d)
    c, s = theta.cos().to(x.dtype), theta.sin().to(x.dtype)
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * c - x2 * s, x2 * c + x1 * s], dim=-1)
