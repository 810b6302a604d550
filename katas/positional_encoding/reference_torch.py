"""Reference: sinusoidal positional encoding and rotary embeddings (RoPE) in PyTorch."""

import torch


def sinusoidal_encoding(n_positions, d_model):
    # The angle pos * freq is formed in float64: in float32 its rounding error
    # grows like pos * 6e-8 and passes 1e-5 after a few hundred positions.
    pos = torch.arange(n_positions, dtype=torch.float64)[:, None]
    column = torch.arange(d_model, dtype=torch.float64)
    angle = pos * 10000.0 ** (-2.0 * (column // 2) / d_model)
    pe = torch.where(column % 2 == 0, angle.sin(), angle.cos())
    return pe.to(torch.float32)


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError(f"RoPE rotates pairs of features: the last dimension must be even, got {d}")
    half = d // 2
    inv_freq = base ** (-2.0 * torch.arange(half, dtype=torch.float64, device=x.device) / d)
    angle = positions.to(torch.float64)[:, None] * inv_freq  # (L, d/2)
    cos, sin = angle.cos().to(x.dtype), angle.sin().to(x.dtype)
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)
