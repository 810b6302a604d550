"""The attention references against PyTorch's own operator.

F.scaled_dot_product_attention is the outside oracle: the torch reference
must match it in float32 and float64, with and without boolean masks, on
2-D to 4-D inputs; the NumPy reference must match the torch reference in
float64. A misunderstanding shared by reference and hidden cases shows here.
"""

import importlib.util
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

KATA = Path(__file__).resolve().parent.parent / "katas" / "attention"


def load(name):
    spec = importlib.util.spec_from_file_location(f"attention_{name}", KATA / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref_torch = load("reference_torch")
ref_numpy = load("reference_numpy")

SHAPES = [((), 3, 3, 4, 4), ((2,), 5, 7, 8, 3), ((2, 3), 4, 6, 16, 5), ((1, 2), 9, 2, 6, 6)]


def inputs(lead, lq, lk, d, dv, dtype, seed=0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(*lead, lq, d, generator=g, dtype=dtype),
            torch.randn(*lead, lk, d, generator=g, dtype=dtype),
            torch.randn(*lead, lk, dv, generator=g, dtype=dtype))


@pytest.mark.parametrize("dtype, tol", [(torch.float32, 1e-5), (torch.float64, 1e-12)])
@pytest.mark.parametrize("shape", SHAPES)
def test_torch_reference_matches_sdpa(shape, dtype, tol):
    q, k, v = inputs(*shape, dtype)
    out, weights = ref_torch.scaled_dot_product_attention(q, k, v)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v), rtol=tol, atol=tol)
    torch.testing.assert_close(weights.sum(-1), torch.ones(weights.shape[:-1], dtype=dtype), rtol=tol, atol=tol)


@pytest.mark.parametrize("shape", SHAPES)
def test_torch_reference_matches_sdpa_with_random_mask(shape):
    q, k, v = inputs(*shape, torch.float64, seed=1)
    lq, lk = q.shape[-2], k.shape[-2]
    mask = torch.rand(lq, lk, generator=torch.Generator().manual_seed(2)) > 0.4
    mask[:, 0] = True  # every query keeps at least one key
    out, weights = ref_torch.scaled_dot_product_attention(q, k, v, mask)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v, attn_mask=mask))
    assert bool((weights[..., ~mask] == 0).all())


def test_causal_mask_matches_is_causal():
    q, k, v = inputs((2, 2), 6, 6, 8, 8, torch.float64, seed=3)
    mask = ref_torch.causal_mask(6)
    assert mask.dtype == torch.bool and mask.device.type == "cpu"
    out, _ = ref_torch.scaled_dot_product_attention(q, k, v, mask)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v, is_causal=True))
    np.testing.assert_array_equal(ref_numpy.causal_mask(6), mask.numpy())


def test_padding_mask_broadcast_over_heads():
    q, k, v = inputs((2, 3), 4, 7, 8, 5, torch.float64, seed=4)
    mask = (torch.arange(7)[None, :] < torch.tensor([7, 4])[:, None])[:, None, None, :]
    out, _ = ref_torch.scaled_dot_product_attention(q, k, v, mask)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v, attn_mask=mask))


@pytest.mark.parametrize("shape", SHAPES)
def test_numpy_reference_matches_torch_in_float64(shape):
    q, k, v = inputs(*shape, torch.float64, seed=5)
    mask = torch.ones(q.shape[-2], k.shape[-2], dtype=torch.bool).tril()
    mask[:, 0] = True
    for m in (None, mask):
        expected = ref_torch.scaled_dot_product_attention(q, k, v, m)
        actual = ref_numpy.scaled_dot_product_attention(q.numpy(), k.numpy(), v.numpy(),
                                                        None if m is None else m.numpy())
        for e, a in zip(expected, actual):
            np.testing.assert_allclose(a, e.numpy(), rtol=1e-12, atol=1e-12)


def test_large_scores_stay_finite_without_warnings():
    rng = np.random.default_rng(6)
    q, k, v = rng.normal(size=(2, 5, 4)) * 30, rng.normal(size=(2, 6, 4)) * 30, rng.normal(size=(2, 6, 3))
    with np.errstate(all="raise", under="ignore"):
        out, weights = ref_numpy.scaled_dot_product_attention(q, k, v)
    assert np.isfinite(out).all() and np.isfinite(weights).all()
    expected = F.scaled_dot_product_attention(*(torch.from_numpy(a) for a in (q, k, v)))
    np.testing.assert_allclose(out, expected.numpy(), rtol=1e-9, atol=1e-12)
