# expect: pass
"""Half-split pairs as complex numbers x1 + i x2, turned by torch.polar; angles in float64."""

import torch


def sinusoidal_encoding(n_positions, d_model):
    n_pairs = (d_model + 1) // 2
    omega = torch.pow(10000.0, -2.0 * torch.arange(n_pairs, dtype=torch.float64) / d_model)
    angle = torch.arange(n_positions, dtype=torch.float64)[:, None] * omega
    both = torch.stack([angle.sin(), angle.cos()], dim=-1).reshape(n_positions, 2 * n_pairs)
    return both[:, :d_model].to(torch.float32)


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    h = d // 2
    theta = positions.double()[:, None] * base ** (-2.0 * torch.arange(h, device=x.device, dtype=torch.float64) / d)
    z = torch.complex(x[..., :h].double(), x[..., h:].double()) * torch.polar(torch.ones_like(theta), theta)
    return torch.cat([z.real, z.imag], dim=-1).to(x.dtype)
