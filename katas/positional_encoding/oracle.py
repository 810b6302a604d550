"""The outside oracle for positional_encoding: the published formulas, written
independently in PyTorch float64.

There is no PyTorch operator for either encoding, so the oracle is the formula
itself: the sinusoidal table of "Attention Is All You Need" (Vaswani et al.,
2017) built as interleaved (sin, cos) pairs, and RoPE (Su et al., RoFormer)
in the rotate_half form of the GPT-NeoX and Hugging Face Llama code, checked
again against the complex-number form after a permutation of the features.

sinusoidal_encoding has no float input: its output dtype is fixed (float32 on
the torch track, float64 in NumPy), so the two references agree to float32's
tolerance; the check_sinusoidal_* functions below also hold both to the
float64 formula.
"""

import math

import numpy as np
import torch

# -- (a) PyTorch forms of the kata's functions, with the kata's signatures -----


def _table64(n_positions, d_model):
    pos = torch.arange(n_positions, dtype=torch.float64)
    freq = torch.pow(10000.0, -torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)
    angle = torch.outer(pos, freq)
    # (sin, cos) side by side per frequency, flattened: columns sin w_0, cos w_0, sin w_1, ...
    return torch.stack([angle.sin(), angle.cos()], dim=-1).flatten(-2)[:, :d_model]


def sinusoidal_encoding(n_positions, d_model):
    return _table64(n_positions, d_model).float()


def _rotate_half(x):
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat([-x2, x1], dim=-1)


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    inv_freq = 1.0 / (base ** (torch.arange(0, d, 2, dtype=torch.float64, device=x.device) / d))
    freqs = torch.outer(positions.to(torch.float64), inv_freq)
    emb = torch.cat([freqs, freqs], dim=-1)
    x64 = x.to(torch.float64)
    return (x64 * emb.cos() + _rotate_half(x64) * emb.sin()).to(x.dtype)


TOLERANCE = {
    "float32": (1e-5, 1e-6),
    "float64": (1e-12, 1e-12),
    "numpy": (1e-12, 1e-12),
}

# -- (b) the calls to hold the references to -----------------------------------

# (leading shape, L, d, positions or None for 0..L-1, base)
ROPE_CALLS = [((), 1, 2, [4], 10000.0), ((), 5, 8, None, 10000.0), ((2, 3), 6, 10, None, 10000.0),
              ((4,), 7, 12, [3, 0, 11, 5, 5, 100, 2], 10000.0), ((3,), 9, 16, None, 500.0),
              ((2, 4), 1, 8, [17], 1e6), ((2,), 6, 32, [0, 1, 1000, 4095, 8191, 2500], 10000.0)]


def rope_args(lead, L, d, positions, base, dtype, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(*lead, L, d, generator=g, dtype=dtype)
    pos = torch.arange(L) if positions is None else torch.tensor(positions)
    return x, pos, base


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for seed, call in enumerate(ROPE_CALLS):
        yield "apply_rope", rope_args(*call, dtype, seed)
    for n, d in [(1, 6), (9, 5), (50, 16), (7, 1)]:
        yield "sinusoidal_encoding", (n, d)


# -- (c) this kata's own assertions --------------------------------------------

TABLES = [(1, 6), (3, 4), (50, 16), (6, 2), (9, 5), (7, 1), (4, 3), (12, 64), (4096, 32)]


def _as64(out):
    return torch.as_tensor(np.asarray(out)) if not isinstance(out, torch.Tensor) else out.to(torch.float64)


def check_sinusoidal_matches_formula(implementation, track):
    """Both references against the float64 formula; the torch one returns float32 on the CPU."""
    ref = implementation(track)
    for n, d in TABLES:
        out = ref.sinusoidal_encoding(n, d)
        if track == "numpy":
            assert type(out) is np.ndarray and out.dtype == np.float64, f"{type(out)} {getattr(out, 'dtype', '')}"
        else:
            assert type(out) is torch.Tensor and out.dtype == torch.float32 and out.device.type == "cpu", \
                f"{type(out)} {getattr(out, 'dtype', '')}"
        atol = 1e-12 if track == "numpy" else 1e-6  # float32 rounding of values in [-1, 1]
        torch.testing.assert_close(_as64(out), _table64(n, d), rtol=0, atol=atol, msg=f"sinusoidal_encoding({n}, {d})")


def check_sinusoidal_matches_scalar_math():
    """The formula once more, one entry at a time with Python's math, against the oracle's table."""
    n, d = 11, 7
    table = _table64(n, d)
    for pos in range(n):
        for j in range(d):
            angle = pos / 10000.0 ** (2 * (j // 2) / d)
            want = math.sin(angle) if j % 2 == 0 else math.cos(angle)
            assert abs(table[pos, j].item() - want) < 1e-15


def check_worked_examples(implementation):
    ref = implementation("numpy")
    np.testing.assert_allclose(ref.sinusoidal_encoding(3, 4),
                               [[0, 1, 0, 1], [0.841471, 0.540302, 0.01, 0.99995],
                                [0.909297, -0.416147, 0.019999, 0.9998]], atol=1e-6)
    np.testing.assert_allclose(ref.apply_rope(np.array([[1.0, 2.0, 3.0, 4.0]]), np.array([1])),
                               [[-1.984111, 1.959901, 2.462378, 4.019800]], atol=1e-6)


def check_rope_is_the_complex_form_after_a_permutation(dtype, implementation):
    """Half-split RoPE = interleaved (complex) RoPE on features reordered as (x_0, x_{d/2}, x_1, ...)."""
    x, pos, base = rope_args((2, 3), 6, 10, None, 10000.0, dtype, seed=40)
    d = x.shape[-1]
    order = torch.stack([torch.arange(d // 2), torch.arange(d // 2) + d // 2], dim=-1).flatten()
    z = torch.view_as_complex(x.to(torch.float64)[..., order].reshape(*x.shape[:-1], d // 2, 2).contiguous())
    angle = torch.outer(pos.to(torch.float64), base ** (-torch.arange(0, d, 2, dtype=torch.float64) / d))
    turned = torch.view_as_real(z * torch.polar(torch.ones_like(angle), angle)).flatten(-2)
    want = torch.empty_like(turned)
    want[..., order] = turned
    tol = 1e-5 if dtype == torch.float32 else 1e-12
    torch.testing.assert_close(implementation("torch").apply_rope(x, pos, base).to(torch.float64), want,
                               rtol=tol, atol=tol)


def check_rope_relative_position_and_norms(dtype, implementation):
    ref = implementation("torch")
    g = torch.Generator().manual_seed(41)
    q, k = torch.randn(5, 16, generator=g, dtype=dtype), torch.randn(6, 16, generator=g, dtype=dtype)
    m, n = torch.tensor([0, 2, 4, 9, 20]), torch.tensor([1, 3, 4, 5, 8, 13])
    tol = 1e-4 if dtype == torch.float32 else 1e-10
    scores = ref.apply_rope(q, m) @ ref.apply_rope(k, n).T
    for shift in (1, 37, 1000):
        torch.testing.assert_close(ref.apply_rope(q, m + shift) @ ref.apply_rope(k, n + shift).T, scores,
                                   rtol=tol, atol=tol)
    torch.testing.assert_close(ref.apply_rope(q, m).norm(dim=-1), q.norm(dim=-1), rtol=tol, atol=tol)


def check_rope_odd_d_raises(implementation, track):
    ref = implementation(track)
    x = np.ones((3, 5)) if track == "numpy" else torch.ones(3, 5)
    pos = np.arange(3) if track == "numpy" else torch.arange(3)
    try:
        ref.apply_rope(x, pos)
    except ValueError:
        return
    raise AssertionError("apply_rope accepted an odd last axis")


def check_sinusoid_offset_is_a_linear_map():
    """PE(pos + k) = M_k PE(pos), M_k block-diagonal 2x2 rotations that do not depend on pos."""
    d, k = 8, 5
    table = _table64(64, d)
    w = 10000.0 ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    M = torch.zeros(d, d, dtype=torch.float64)
    for i, wi in enumerate(w):
        c, s = math.cos(k * wi), math.sin(k * wi)
        M[2 * i:2 * i + 2, 2 * i:2 * i + 2] = torch.tensor([[c, s], [-s, c]], dtype=torch.float64)
    torch.testing.assert_close(table[:-k] @ M.T, table[k:], rtol=1e-12, atol=1e-12)
