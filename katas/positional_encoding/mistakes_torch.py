"""Classic mistakes of positional_encoding, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


def _inv_freq(d, base, x, exponent=2.0):
    return base ** (-exponent * torch.arange(d // 2, dtype=torch.float64, device=x.device) / d)


def _rotate_halves(x, angle):
    """The reference's half-split rotation, for an angle table (L, d/2) made by a mistake."""
    half = x.shape[-1] // 2
    cos, sin = angle.cos().to(x.dtype), angle.sin().to(x.dtype)
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


def _check_even(x):
    if x.shape[-1] % 2:
        raise ValueError("the last dimension must be even")


def _columns(n_positions, d_model):
    return torch.arange(n_positions, dtype=torch.float64)[:, None], torch.arange(d_model, dtype=torch.float64)


class interleaved_pairs:
    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        angle = positions.double()[:, None] * _inv_freq(x.shape[-1], base, x)
        # pairs (2j, 2j+1) as complex numbers: the GPT-J / RoFormer layout, not half-split
        z = torch.view_as_complex(x.double().reshape(*x.shape[:-1], -1, 2).contiguous())
        return torch.view_as_real(z * torch.polar(torch.ones_like(angle), angle)).flatten(-2).to(x.dtype)


class exponent_i_over_d:
    def sinusoidal_encoding(n_positions, d_model):
        pos, j = _columns(n_positions, d_model)
        angle = pos / 10000.0 ** ((j // 2) / d_model)  # pair index i over d: the exponent is 2i/d
        return torch.where(j % 2 == 0, angle.sin(), angle.cos()).float()

    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        return _rotate_halves(x, positions.double()[:, None] * _inv_freq(x.shape[-1], base, x, exponent=1.0))


class column_index_exponent:
    def sinusoidal_encoding(n_positions, d_model):
        pos, j = _columns(n_positions, d_model)
        angle = pos / 10000.0 ** (j / d_model)  # the cosine column 2i+1 gets exponent (2i+1)/d, not 2i/d
        return torch.where(j % 2 == 0, angle.sin(), angle.cos()).float()


class sin_cos_swapped:
    def sinusoidal_encoding(n_positions, d_model):
        pos, j = _columns(n_positions, d_model)
        angle = pos / 10000.0 ** (2 * (j // 2) / d_model)
        return torch.where(j % 2 == 0, angle.cos(), angle.sin()).float()  # cosine on the even columns


class sin_cos_concatenated:
    def sinusoidal_encoding(n_positions, d_model):
        pos, _ = _columns(n_positions, d_model)
        n_sin = (d_model + 1) // 2
        angle = pos / 10000.0 ** (2 * torch.arange(n_sin, dtype=torch.float64) / d_model)
        # every sine first, then every cosine: a valid encoding, not this layout
        return torch.cat([angle.sin(), angle.cos()[:, : d_model - n_sin]], dim=1).float()


class rotation_reversed:
    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        angle = positions.double()[:, None] * _inv_freq(x.shape[-1], base, x)
        return _rotate_halves(x, -angle)  # rotate_half as cat(x2, -x1): each pair turns the other way


class positions_ignored:
    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        pos = torch.arange(x.shape[-2], dtype=torch.float64, device=x.device)  # 0..L-1 whatever positions says
        return _rotate_halves(x, pos[:, None] * _inv_freq(x.shape[-1], base, x))


class mixed_layouts:
    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        angle = positions.double()[:, None] * _inv_freq(x.shape[-1], base, x)
        emb = torch.cat([angle, angle], dim=-1).to(x.dtype)  # the half-split table: column j has frequency j mod d/2
        rotated = torch.stack([-x[..., 1::2], x[..., 0::2]], dim=-1).flatten(-2)  # but rotate-every-two
        # the two features of a pair now turn by different angles: not a rotation
        return x * emb.cos() + rotated * emb.sin()
