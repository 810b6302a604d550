"""The softmax references against PyTorch's own operators.

torch.softmax and F.log_softmax are the outside oracle: the torch reference
must match them in float32 and float64 over several shapes, axes and
temperatures, keep the input's dtype, and backpropagate the same gradient;
the NumPy reference must match the torch reference in float64. Both must
stay finite and silent on extreme logits. Each mistake module must differ
from the reference on the kinds of input the hidden cases use, so that no
mistake can quietly equal the answer.
"""

import importlib
import importlib.util
import tomllib
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

KATA = Path(__file__).resolve().parent.parent / "katas" / "softmax"
CONFIG = tomllib.loads((KATA / "kata.toml").read_text(encoding="utf-8"))
FUNCTIONS = CONFIG["functions"]


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref_numpy = load(KATA / "reference_numpy.py", "softmax_reference_numpy")
ref_torch = load(KATA / "reference_torch.py", "softmax_reference_torch")
REFERENCE = {"numpy": ref_numpy, "torch": ref_torch}

# (shape, dim) pairs covering 1-D to 4-D inputs and positive and negative axes.
SHAPES_AND_DIMS = [((7,), 0), ((7,), -1), ((4, 9), 0), ((4, 9), 1), ((4, 9), -2),
                   ((2, 3, 5), 1), ((2, 3, 5), -1), ((2, 3, 5), -3), ((2, 3, 4, 5), 2)]
TEMPERATURES = [1.0, 0.5, 2.0, 7.5]


def logits(shape, dtype, seed, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=dtype) * scale


# -- the torch reference against PyTorch ---------------------------------------

@pytest.mark.parametrize("temperature", TEMPERATURES)
@pytest.mark.parametrize("shape, dim", SHAPES_AND_DIMS)
def test_torch_softmax_matches_pytorch_float32(shape, dim, temperature):
    x = logits(shape, torch.float32, seed=len(shape) * 10 + dim)
    out = ref_torch.softmax(x, dim=dim, temperature=temperature)
    assert out.dtype == torch.float32 and out.device == x.device and out.shape == x.shape
    torch.testing.assert_close(out, torch.softmax(x / temperature, dim=dim), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("shape, dim", SHAPES_AND_DIMS)
def test_torch_log_softmax_matches_pytorch_float32(shape, dim):
    x = logits(shape, torch.float32, seed=100 + len(shape) * 10 + dim)
    out = ref_torch.log_softmax(x, dim=dim)
    assert out.dtype == torch.float32 and out.shape == x.shape
    torch.testing.assert_close(out, F.log_softmax(x, dim=dim), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("shape, dim", SHAPES_AND_DIMS)
def test_torch_reference_matches_pytorch_float64(shape, dim):
    x = logits(shape, torch.float64, seed=200 + len(shape))
    for temperature in TEMPERATURES:
        out = ref_torch.softmax(x, dim=dim, temperature=temperature)
        assert out.dtype == torch.float64
        torch.testing.assert_close(out, F.softmax(x / temperature, dim=dim), rtol=1e-12, atol=1e-14)
    torch.testing.assert_close(ref_torch.log_softmax(x, dim=dim), F.log_softmax(x, dim=dim),
                               rtol=1e-12, atol=1e-12)


def test_torch_reference_default_dim_is_last():
    x = logits((3, 4, 6), torch.float32, seed=300)
    torch.testing.assert_close(ref_torch.softmax(x), torch.softmax(x, dim=-1))
    torch.testing.assert_close(ref_torch.log_softmax(x), F.log_softmax(x, dim=-1))


def test_torch_reference_gradients_match_pytorch():
    x = logits((3, 5), torch.float64, seed=301).requires_grad_()
    weights = logits((3, 5), torch.float64, seed=302)
    for ours, theirs in [(lambda t: ref_torch.softmax(t, dim=0, temperature=0.7), lambda t: F.softmax(t / 0.7, dim=0)),
                         (lambda t: ref_torch.log_softmax(t, dim=1), lambda t: F.log_softmax(t, dim=1))]:
        (g_ours,) = torch.autograd.grad((ours(x) * weights).sum(), x)
        (g_theirs,) = torch.autograd.grad((theirs(x) * weights).sum(), x)
        torch.testing.assert_close(g_ours, g_theirs, rtol=1e-10, atol=1e-12)


# -- the NumPy reference against the torch reference ---------------------------

@pytest.mark.parametrize("shape, dim", SHAPES_AND_DIMS)
def test_numpy_reference_matches_torch_in_float64(shape, dim):
    x = logits(shape, torch.float64, seed=400 + len(shape))
    for temperature in TEMPERATURES:
        out = ref_numpy.softmax(x.numpy(), axis=dim, temperature=temperature)
        assert type(out) is np.ndarray and out.dtype == np.float64 and out.shape == shape
        np.testing.assert_allclose(out, ref_torch.softmax(x, dim=dim, temperature=temperature).numpy(),
                                   rtol=1e-12, atol=1e-15)
    out = ref_numpy.log_softmax(x.numpy(), axis=dim)
    assert type(out) is np.ndarray and out.dtype == np.float64
    np.testing.assert_allclose(out, ref_torch.log_softmax(x, dim=dim).numpy(), rtol=1e-12, atol=1e-12)


def test_numpy_reference_matches_worked_example():
    np.testing.assert_allclose(ref_numpy.softmax(np.array([3.0, 1.0])), [0.880797, 0.119203], atol=1e-6)
    np.testing.assert_allclose(ref_numpy.softmax(np.array([3.0, 1.0]), temperature=2.0), [0.731059, 0.268941],
                               atol=1e-6)
    np.testing.assert_allclose(ref_numpy.softmax(np.array([3.0, 1.0]), temperature=0.5), [0.982014, 0.017986],
                               atol=1e-6)
    np.testing.assert_allclose(ref_numpy.log_softmax(np.array([3.0, 1.0])), [-0.126928, -2.126928], atol=1e-6)


# -- extreme logits ------------------------------------------------------------

def extreme_inputs():
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


@pytest.mark.parametrize("name", list(extreme_inputs()))
def test_numpy_reference_silent_and_finite_on_extreme_logits(name):
    x = extreme_inputs()[name]
    kept = x.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            outputs = {"softmax": ref_numpy.softmax(x), "softmax T=0.5": ref_numpy.softmax(x, temperature=0.5),
                       "softmax axis 0": ref_numpy.softmax(x, axis=0), "log_softmax": ref_numpy.log_softmax(x),
                       "log_softmax axis 0": ref_numpy.log_softmax(x, axis=0)}
    np.testing.assert_array_equal(x, kept)
    for label, out in outputs.items():
        assert np.isfinite(out).all(), f"{label} on {name}: not finite"
    t = torch.from_numpy(x)
    np.testing.assert_allclose(outputs["softmax"], F.softmax(t, dim=-1).numpy(), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(outputs["softmax T=0.5"], F.softmax(t / 0.5, dim=-1).numpy(), rtol=1e-12,
                               atol=1e-300)
    np.testing.assert_allclose(outputs["log_softmax axis 0"], F.log_softmax(t, dim=0).numpy(), rtol=1e-12)


def test_log_softmax_finite_where_log_of_softmax_is_not():
    x = np.array([0.0, -1000.0])
    np.testing.assert_array_equal(ref_numpy.log_softmax(x), [0.0, -1000.0])
    with np.errstate(divide="ignore"):
        assert np.isneginf(np.log(ref_numpy.softmax(x))[1])  # the trap the kata is about
    # float32: a spread beyond about 103 underflows the probability.
    t = torch.tensor([[0.0, -120.0, 3.0], [50.0, -70.0, 0.0]])
    out = ref_torch.log_softmax(t)
    assert torch.isfinite(out).all()
    assert torch.isinf(torch.log(ref_torch.softmax(t))).any()
    torch.testing.assert_close(out, F.log_softmax(t, dim=-1), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_torch_reference_finite_on_extreme_logits(dtype):
    g = torch.Generator().manual_seed(501)
    big = 1000.0
    cases = [big + torch.randn(3, 5, generator=g, dtype=dtype), -big + torch.randn(3, 5, generator=g, dtype=dtype),
             torch.randn(4, 6, generator=g, dtype=dtype) * 600.0]
    for x in cases:
        kept = x.clone()
        for out, expected in [(ref_torch.softmax(x), F.softmax(x, dim=-1)),
                              (ref_torch.softmax(x, dim=0, temperature=0.5), F.softmax(x / 0.5, dim=0)),
                              (ref_torch.log_softmax(x), F.log_softmax(x, dim=-1))]:
            assert out.dtype == dtype and torch.isfinite(out).all()
            torch.testing.assert_close(out, expected, rtol=1e-5, atol=1e-6)
        assert torch.equal(x, kept)


# -- forbidden APIs ------------------------------------------------------------

def test_references_do_not_call_forbidden_apis(monkeypatch):
    patched = 0
    for entry in CONFIG["forbidden"]["all"]:
        module_name, attr = entry.split(":")
        try:
            owner = importlib.import_module(module_name)
        except ImportError:
            continue
        *path, last = attr.split(".")
        for part in path:
            owner = getattr(owner, part)

        def tripwire(*args, _name=entry, **kwargs):
            raise AssertionError(f"the reference calls {_name}")

        monkeypatch.setattr(owner, last, tripwire)
        patched += 1
    assert patched >= 10
    x = logits((3, 4, 5), torch.float32, seed=600)
    for dim in (0, -1):
        ref_torch.softmax(x, dim=dim, temperature=0.5)
        ref_torch.log_softmax(x, dim=dim)
    ref_numpy.softmax(x.double().numpy(), axis=1)
    ref_numpy.log_softmax(x.double().numpy(), axis=1)


# -- the mistake modules -------------------------------------------------------

def hidden_kinds(track):
    """One call of each kind the hidden cases make: (function, x, axis, kwargs)."""
    rng = np.random.default_rng(700)
    far, spread = (1000.0, 600.0) if track == "numpy" else (150.0, 100.0)
    kinds = []
    for fn in FUNCTIONS:
        kinds += [(fn, rng.normal(size=(4, 7)), -1, {}),
                  (fn, rng.normal(size=(5, 3)), 0, {}),
                  (fn, rng.normal(size=(2, 3, 4)), -2, {}),
                  (fn, far + rng.normal(size=(3, 5)), -1, {}),
                  (fn, -far + rng.normal(size=(3, 5)), -1, {})]
    kinds += [("softmax", rng.normal(size=(3, 6)), -1, {"temperature": t}) for t in (0.5, 2.0)]
    kinds += [("log_softmax", np.array([0.0, -1000.0]), -1, {}),
              ("log_softmax", rng.normal(size=(4, 6)) * spread, -1, {})]
    return kinds


def call(module, track, fn, x, axis, kwargs):
    """The outputs as float64 NumPy data, and whether NumPy warned."""
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn", under="ignore"):
        warnings.simplefilter("always")
        if track == "numpy":
            out = getattr(module, fn)(x.copy(), axis=axis, **kwargs)
        else:
            out = getattr(module, fn)(torch.from_numpy(x.astype(np.float32)), dim=axis, **kwargs)
            assert out.dtype == torch.float32
            out = out.double().numpy()
    return out, any(issubclass(w.category, RuntimeWarning) for w in caught)


def same(expected, actual, rtol, atol):
    if expected.shape != actual.shape:
        return False
    with np.errstate(all="ignore"):
        close = np.abs(actual - expected) <= atol + rtol * np.abs(expected)
    return bool((np.where(np.isfinite(expected), close, expected == actual)).all())


MISTAKES = [(m["id"], track) for m in CONFIG["mistakes"] for track in m.get("tracks", CONFIG["tracks"])]


@pytest.mark.parametrize("mistake, track", MISTAKES)
def test_each_mistake_differs_from_the_reference(mistake, track):
    path = KATA / "mistakes" / f"{mistake.replace('-', '_')}_{track}.py"
    module = load(path, f"softmax_mistake_{mistake.replace('-', '_')}_{track}")
    defined = [fn for fn in FUNCTIONS if callable(getattr(module, fn, None))]
    assert defined, f"{path.name} defines none of {FUNCTIONS}"
    rtol, atol = (1e-6, 1e-8) if track == "numpy" else (1e-4, 1e-5)
    reference = REFERENCE[track]
    differing = []
    for fn, x, axis, kwargs in hidden_kinds(track):
        if fn not in defined:
            continue
        expected, ref_warned = call(reference, track, fn, x, axis, kwargs)
        assert not ref_warned and np.isfinite(expected).all()
        actual, warned = call(module, track, fn, x, axis, kwargs)
        if warned or not same(expected, actual, rtol, atol):
            differing.append((fn, x.shape, axis, kwargs))
    assert differing, f"{mistake} ({track}) equals the reference on every kind of hidden input"


@pytest.mark.parametrize("track", CONFIG["tracks"])
def test_reference_equals_itself_under_the_mistake_check(track):
    # The check above must be able to pass: the reference does not differ from itself.
    for fn, x, axis, kwargs in hidden_kinds(track):
        expected, _ = call(REFERENCE[track], track, fn, x, axis, kwargs)
        actual, warned = call(REFERENCE[track], track, fn, x, axis, kwargs)
        assert not warned and same(expected, actual, 0.0, 0.0)
