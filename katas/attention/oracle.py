"""The outside oracle for attention: PyTorch's own operator.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions; the README's "Adding a kata" describes the contract.
"""

import math

import numpy as np
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def scaled_dot_product_attention(q, k, v, mask=None):
    """`out` from F.scaled_dot_product_attention; `weights` as its documentation defines them."""
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores + torch.zeros(mask.shape, dtype=q.dtype).masked_fill(mask.logical_not(), float("-inf"))
    return out, torch.softmax(scores, dim=-1)


def causal_mask(L):
    return torch.nn.Transformer.generate_square_subsequent_mask(L) == 0


# (rtol, atol): "float32" and "float64" for the torch reference against the
# functions above, "numpy" for the NumPy reference against the torch
# reference in float64; "<function>:<key>" for one function only.
TOLERANCE = {
    "float32": (1e-5, 1e-5),
    "float64": (1e-12, 1e-12),
    "numpy": (1e-12, 1e-12),
}

# -- (b) the calls to hold the references to -----------------------------------

# (leading shape, Lq, Lk, d, dv): 2-D to 4-D, Lq != Lk, d != dv.
SHAPES = [((), 3, 3, 4, 4), ((2,), 5, 7, 8, 3), ((2, 3), 4, 6, 16, 5), ((1, 2), 9, 2, 6, 6)]


def qkv(lead, lq, lk, d, dv, dtype, seed=0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(*lead, lq, d, generator=g, dtype=dtype),
            torch.randn(*lead, lk, d, generator=g, dtype=dtype),
            torch.randn(*lead, lk, dv, generator=g, dtype=dtype))


def random_mask(lq, lk, seed=2):
    mask = torch.rand(lq, lk, generator=torch.Generator().manual_seed(seed)) > 0.4
    mask[:, 0] = True  # every query keeps at least one key
    return mask


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for i, shape in enumerate(SHAPES):
        q, k, v = qkv(*shape, dtype, seed=i)
        lq, lk = q.shape[-2], k.shape[-2]
        lower = torch.ones(lq, lk, dtype=torch.bool).tril()
        lower[:, 0] = True
        yield "scaled_dot_product_attention", (q, k, v)
        yield "scaled_dot_product_attention", (q, k, v, random_mask(lq, lk))
        yield "scaled_dot_product_attention", (q, k, v, lower)
    # causal, and a padding mask broadcast over the heads
    q, k, v = qkv((2, 2), 6, 6, 8, 8, dtype, seed=3)
    yield "scaled_dot_product_attention", (q, k, v, torch.ones(6, 6, dtype=torch.bool).tril())
    q, k, v = qkv((2, 3), 4, 7, 8, 5, dtype, seed=4)
    padding = (torch.arange(7)[None, :] < torch.tensor([7, 4])[:, None])[:, None, None, :]
    yield "scaled_dot_product_attention", (q, k, v, padding)
    # large scores: exp overflows without the max-subtraction
    q, k, v = qkv((2,), 5, 6, 4, 3, dtype, seed=6)
    yield "scaled_dot_product_attention", (q * 30, k * 30, v)
    for L in (1, 4, 6):
        yield "causal_mask", (L,)


# -- (c) this kata's own assertions --------------------------------------------


def check_weights_rows_sum_to_one(dtype, implementation):
    tol = 1e-5 if dtype == torch.float32 else 1e-12
    for shape in SHAPES:
        q, k, v = qkv(*shape, dtype)
        _, weights = implementation("torch").scaled_dot_product_attention(q, k, v)
        torch.testing.assert_close(weights.sum(-1), torch.ones(weights.shape[:-1], dtype=dtype), rtol=tol, atol=tol)


def check_masked_weights_are_exactly_zero(implementation):
    for shape in SHAPES:
        q, k, v = qkv(*shape, torch.float64, seed=1)
        mask = random_mask(q.shape[-2], k.shape[-2])
        _, weights = implementation("torch").scaled_dot_product_attention(q, k, v, mask)
        assert bool((weights[..., ~mask] == 0).all()), f"masked weights not 0 on {shape}"


def check_causal_mask_matches_is_causal(implementation):
    ref_torch, ref_numpy = implementation("torch"), implementation("numpy")
    q, k, v = qkv((2, 2), 6, 6, 8, 8, torch.float64, seed=3)
    mask = ref_torch.causal_mask(6)
    assert mask.dtype == torch.bool and mask.device.type == "cpu", f"{mask.dtype} on {mask.device}"
    out, _ = ref_torch.scaled_dot_product_attention(q, k, v, mask)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v, is_causal=True))
    np.testing.assert_array_equal(ref_numpy.causal_mask(6), mask.numpy())


def check_large_scores_stay_finite_without_warnings(implementation):
    rng = np.random.default_rng(6)
    q, k, v = rng.normal(size=(2, 5, 4)) * 30, rng.normal(size=(2, 6, 4)) * 30, rng.normal(size=(2, 6, 3))
    with np.errstate(all="raise", under="ignore"):
        out, weights = implementation("numpy").scaled_dot_product_attention(q, k, v)
    assert np.isfinite(out).all() and np.isfinite(weights).all(), "not finite"
    expected = F.scaled_dot_product_attention(*(torch.from_numpy(a) for a in (q, k, v)))
    np.testing.assert_allclose(out, expected.numpy(), rtol=1e-9, atol=1e-12)
