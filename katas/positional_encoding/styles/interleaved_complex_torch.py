# expect: fail as interleaved-pairs
"""Meta's Llama form: neighbouring pairs through view_as_complex, a different layout."""

import torch


def sinusoidal_encoding(n_positions, d_model):
    i = torch.arange(d_model) // 2
    angle = torch.arange(n_positions, dtype=torch.float64)[:, None] / 10000.0 ** (2 * i / d_model)
    return torch.where(torch.arange(d_model) % 2 == 0, angle.sin(), angle.cos()).float()


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    if d % 2:
        raise ValueError("odd d")
    freqs = 1.0 / (base ** (torch.arange(0, d, 2, device=x.device).float() / d))
    freqs_cis = torch.polar(torch.ones(len(positions), d // 2, device=x.device), torch.outer(positions.float(), freqs))
    x_ = torch.view_as_complex(x.float().reshape(*x.shape[:-1], -1, 2))
    return torch.view_as_real(x_ * freqs_cis).flatten(-2).type_as(x)
