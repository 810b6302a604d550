"""The outside oracle for softmax: PyTorch's own operators.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions; the README's "Adding a kata" describes the contract.
"""

import warnings

import numpy as np
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def softmax(x, dim=-1, temperature=1.0):
    return F.softmax(x / temperature, dim=dim)


def log_softmax(x, dim=-1):
    return F.log_softmax(x, dim=dim)


# (rtol, atol): "float32" and "float64" for the torch reference against the
# functions above, "numpy" for the NumPy reference against the torch
# reference in float64; "<function>:<key>" for one function only.
TOLERANCE = {
    "float32": (1e-5, 1e-6),
    "float64": (1e-12, 1e-12),
    "softmax:float64": (1e-12, 1e-14),
    "numpy": (1e-12, 1e-12),
    "softmax:numpy": (1e-12, 1e-15),
}

# -- (b) the calls to hold the references to -----------------------------------

# (shape, dim) pairs covering 1-D to 4-D inputs and positive and negative axes.
SHAPES_AND_DIMS = [((7,), 0), ((7,), -1), ((4, 9), 0), ((4, 9), 1), ((4, 9), -2),
                   ((2, 3, 5), 1), ((2, 3, 5), -1), ((2, 3, 5), -3), ((2, 3, 4, 5), 2)]
TEMPERATURES = [1.0, 0.5, 2.0, 7.5]


def logits(shape, dtype, seed, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype) * scale


def extreme_logits():
    """Logits that overflow exp, or underflow a probability, unless handled: float64 NumPy data."""
    rng = np.random.default_rng(500)
    offsets = np.array([[1000.0], [0.0], [-1000.0]])
    return {
        "near +1000": 1000.0 + rng.normal(size=(3, 5)),
        "near -1000": -1000.0 + rng.normal(size=(3, 5)),
        "rows at different offsets": offsets + rng.normal(size=(3, 6)),
        "far apart": np.array([[0.0, -1000.0, 5.0, -2000.0]]),
        "large spread": rng.normal(size=(4, 6)) * 600.0,
        "huge magnitudes": np.array([[1e300, -1e300, 0.0], [-1e300, -1e300, -1e300]]),
    }


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for shape, dim in SHAPES_AND_DIMS:
        x = logits(shape, dtype, seed=len(shape) * 10 + dim)
        for temperature in TEMPERATURES:
            yield "softmax", (x, dim, temperature)
        yield "log_softmax", (x, dim)
    x = logits((3, 4, 6), dtype, seed=300)  # the default dim is the last
    yield "softmax", (x,)
    yield "log_softmax", (x,)
    g = torch.Generator().manual_seed(501)
    extreme = [1000.0 + torch.randn(3, 5, generator=g, dtype=dtype),
               -1000.0 + torch.randn(3, 5, generator=g, dtype=dtype),
               torch.randn(4, 6, generator=g, dtype=dtype) * 600.0]
    extreme += [torch.from_numpy(x).to(dtype) for name, x in extreme_logits().items()
                if dtype == torch.float64 or name != "huge magnitudes"]  # 1e300 is inf in float32
    for x in extreme:
        yield "softmax", (x,)
        yield "softmax", (x, -1, 0.5)
        yield "softmax", (x, 0, 0.5)
        yield "log_softmax", (x,)
        yield "log_softmax", (x, 0)
    # log(softmax(x)) is -inf here where log_softmax is finite, in float32 already.
    yield "log_softmax", (torch.tensor([0.0, -1000.0], dtype=dtype),)
    yield "log_softmax", (torch.tensor([[0.0, -120.0, 3.0], [50.0, -70.0, 0.0]], dtype=dtype),)


# -- (c) this kata's own assertions --------------------------------------------

PARAMETERS = {"logits": list(extreme_logits())}


def check_gradients_match_pytorch(implementation):
    ref_torch = implementation("torch")
    x = logits((3, 5), torch.float64, seed=301).requires_grad_()
    weights = logits((3, 5), torch.float64, seed=302)
    for ours, theirs in [(lambda t: ref_torch.softmax(t, dim=0, temperature=0.7), lambda t: F.softmax(t / 0.7, dim=0)),
                         (lambda t: ref_torch.log_softmax(t, dim=1), lambda t: F.log_softmax(t, dim=1))]:
        (g_ours,) = torch.autograd.grad((ours(x) * weights).sum(), x)
        (g_theirs,) = torch.autograd.grad((theirs(x) * weights).sum(), x)
        torch.testing.assert_close(g_ours, g_theirs, rtol=1e-10, atol=1e-12)


def check_numpy_reference_matches_worked_example(implementation):
    ref_numpy = implementation("numpy")
    np.testing.assert_allclose(ref_numpy.softmax(np.array([3.0, 1.0])), [0.880797, 0.119203], atol=1e-6)
    np.testing.assert_allclose(ref_numpy.softmax(np.array([3.0, 1.0]), temperature=2.0), [0.731059, 0.268941],
                               atol=1e-6)
    np.testing.assert_allclose(ref_numpy.softmax(np.array([3.0, 1.0]), temperature=0.5), [0.982014, 0.017986],
                               atol=1e-6)
    np.testing.assert_allclose(ref_numpy.log_softmax(np.array([3.0, 1.0])), [-0.126928, -2.126928], atol=1e-6)


def check_numpy_reference_silent_and_finite_on_extreme_logits(logits, implementation):
    """Against PyTorch directly, relative to 1e-12 down to the tiniest probability."""
    ref_numpy = implementation("numpy")
    x = extreme_logits()[logits]
    kept = x.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            outputs = {"softmax": ref_numpy.softmax(x), "softmax T=0.5": ref_numpy.softmax(x, temperature=0.5),
                       "softmax axis 0": ref_numpy.softmax(x, axis=0), "log_softmax": ref_numpy.log_softmax(x),
                       "log_softmax axis 0": ref_numpy.log_softmax(x, axis=0)}
    np.testing.assert_array_equal(x, kept)
    for label, out in outputs.items():
        assert np.isfinite(out).all(), f"{label} on {logits}: not finite"
    t = torch.from_numpy(x)
    np.testing.assert_allclose(outputs["softmax"], F.softmax(t, dim=-1).numpy(), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(outputs["softmax T=0.5"], F.softmax(t / 0.5, dim=-1).numpy(), rtol=1e-12,
                               atol=1e-300)
    np.testing.assert_allclose(outputs["log_softmax axis 0"], F.log_softmax(t, dim=0).numpy(), rtol=1e-12)


def check_log_softmax_finite_where_log_of_softmax_is_not(implementation):
    ref_numpy, ref_torch = implementation("numpy"), implementation("torch")
    x = np.array([0.0, -1000.0])
    np.testing.assert_array_equal(ref_numpy.log_softmax(x), [0.0, -1000.0])
    with np.errstate(divide="ignore"):
        assert np.isneginf(np.log(ref_numpy.softmax(x))[1]), "log(softmax) should be -inf here"  # the trap
    # float32: a spread beyond about 103 underflows the probability.
    t = torch.tensor([[0.0, -120.0, 3.0], [50.0, -70.0, 0.0]])
    out = ref_torch.log_softmax(t)
    assert torch.isfinite(out).all(), "log_softmax is not finite"
    assert torch.isinf(torch.log(ref_torch.softmax(t))).any(), "log(softmax) should underflow to -inf here"
    torch.testing.assert_close(out, F.log_softmax(t, dim=-1), rtol=1e-6, atol=1e-6)


def check_torch_reference_finite_on_extreme_logits(dtype, implementation):
    ref_torch = implementation("torch")
    for x in [x for fn, (x, *_) in inputs(dtype) if x.abs().max() >= 500]:
        out = ref_torch.softmax(x), ref_torch.softmax(x, 0, 0.5), ref_torch.log_softmax(x)
        assert all(bool(torch.isfinite(o).all()) for o in out), f"not finite on {x}"
