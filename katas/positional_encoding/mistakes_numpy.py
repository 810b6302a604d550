"""Classic mistakes of positional_encoding, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _rotate_halves(x, angle):
    """The reference's half-split rotation, for an angle table (L, d/2) made by a mistake."""
    half = x.shape[-1] // 2
    cos, sin = np.cos(angle), np.sin(angle)
    x1, x2 = x[..., :half], x[..., half:]
    return np.concatenate([x1 * cos - x2 * sin, x2 * cos + x1 * sin], axis=-1)


def _check_even(x):
    if x.shape[-1] % 2:
        raise ValueError("the last axis must be even")


class interleaved_pairs:
    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        d = x.shape[-1]
        angle = np.asarray(positions, dtype=np.float64)[:, None] * base ** (-2.0 * np.arange(d // 2) / d)
        cos, sin = np.cos(angle), np.sin(angle)
        even, odd = x[..., 0::2], x[..., 1::2]  # pairs (2j, 2j+1): the GPT-J / RoFormer layout, not half-split
        out = np.empty_like(x)
        out[..., 0::2] = even * cos - odd * sin
        out[..., 1::2] = odd * cos + even * sin
        return out


class exponent_i_over_d:
    def sinusoidal_encoding(n_positions, d_model):
        pos = np.arange(n_positions, dtype=np.float64)[:, None]
        i = np.arange(d_model) // 2
        angle = pos / 10000.0 ** (i / d_model)  # pair index i over d: the exponent is 2i/d
        return np.where(np.arange(d_model) % 2 == 0, np.sin(angle), np.cos(angle))

    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        d = x.shape[-1]
        angle = np.asarray(positions, dtype=np.float64)[:, None] / base ** (np.arange(d // 2) / d)  # i/d, not 2i/d
        return _rotate_halves(x, angle)


class column_index_exponent:
    def sinusoidal_encoding(n_positions, d_model):
        pos = np.arange(n_positions, dtype=np.float64)[:, None]
        j = np.arange(d_model)
        angle = pos / 10000.0 ** (j / d_model)  # the cosine column 2i+1 gets exponent (2i+1)/d, not 2i/d
        return np.where(j % 2 == 0, np.sin(angle), np.cos(angle))


class sin_cos_swapped:
    def sinusoidal_encoding(n_positions, d_model):
        pos = np.arange(n_positions, dtype=np.float64)[:, None]
        j = np.arange(d_model)
        angle = pos / 10000.0 ** (2 * (j // 2) / d_model)
        return np.where(j % 2 == 0, np.cos(angle), np.sin(angle))  # cosine on the even columns


class sin_cos_concatenated:
    def sinusoidal_encoding(n_positions, d_model):
        pos = np.arange(n_positions, dtype=np.float64)[:, None]
        n_sin = (d_model + 1) // 2
        angle = pos / 10000.0 ** (2 * np.arange(n_sin) / d_model)
        # every sine first, then every cosine: a valid encoding, not this layout
        return np.concatenate([np.sin(angle), np.cos(angle)[:, : d_model - n_sin]], axis=1)


class rotation_reversed:
    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        d = x.shape[-1]
        angle = np.asarray(positions, dtype=np.float64)[:, None] * base ** (-2.0 * np.arange(d // 2) / d)
        return _rotate_halves(x, -angle)  # rotate_half as cat(x2, -x1): each pair turns the other way


class positions_ignored:
    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        d = x.shape[-1]
        pos = np.arange(x.shape[-2], dtype=np.float64)  # 0..L-1 whatever positions says
        return _rotate_halves(x, pos[:, None] * base ** (-2.0 * np.arange(d // 2) / d))


class mixed_layouts:
    def apply_rope(x, positions, base=10000.0):
        _check_even(x)
        d = x.shape[-1]
        angle = np.asarray(positions, dtype=np.float64)[:, None] * base ** (-2.0 * np.arange(d // 2) / d)
        emb = np.concatenate([angle, angle], axis=-1)  # the half-split table, column j has frequency j mod d/2
        rotated = np.empty_like(x)
        rotated[..., 0::2] = -x[..., 1::2]  # but the interleaved rotate-every-two
        rotated[..., 1::2] = x[..., 0::2]
        # the two features of a pair now turn by different angles: not a rotation
        return x * np.cos(emb) + rotated * np.sin(emb)
