# expect: pass
"""2x2 rotation matrices per (position, pair), applied with einsum; float32 throughout."""

import torch


def sinusoidal_encoding(n_positions, d_model):
    i = torch.arange(d_model) // 2
    angle = torch.arange(n_positions)[:, None] / torch.pow(torch.tensor(10000.0), 2 * i / d_model)
    return torch.where(torch.arange(d_model) % 2 == 0, torch.sin(angle), torch.cos(angle))


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    w = base ** (-torch.arange(0, d, 2, device=x.device, dtype=x.dtype) / d)
    theta = positions.to(x.dtype)[:, None] * w
    c, s = theta.cos(), theta.sin()
    rot = torch.stack([torch.stack([c, -s], -1), torch.stack([s, c], -1)], -2)  # (L, d/2, 2, 2)
    pairs = torch.stack(x.chunk(2, dim=-1), dim=-1)  # (..., L, d/2, 2)
    turned = torch.einsum("ljab,...ljb->...lja", rot, pairs)
    return torch.cat([turned[..., 0], turned[..., 1]], dim=-1)
