"""The layernorm references against PyTorch's own operators and autograd.

F.layer_norm and F.rms_norm are the outside oracles for the forward passes,
in float32 and float64, on 1-D to 4-D inputs, on rows whose variance is close
to eps and on constant rows. torch.autograd is the oracle for
layer_norm_backward: the gradients of sum(F.layer_norm(x) * dout). The NumPy
reference must match the torch reference in float64. Finally, each mistake
module must differ from the reference on the kind of input the hidden cases
use to catch it, and agree with it where the mistake is invisible, so the
mistakes are what their titles say.
"""

import importlib.util
import tomllib
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

KATA = Path(__file__).resolve().parent.parent / "katas" / "layernorm"
TOLERANCE = {"numpy": (1e-6, 1e-8), "torch": (1e-4, 1e-5)}


def load(relative):
    name = "layernorm_" + relative.replace("/", "_").removesuffix(".py")
    spec = importlib.util.spec_from_file_location(name, KATA / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ref_torch = load("reference_torch.py")
ref_numpy = load("reference_numpy.py")
REFERENCE = {"numpy": ref_numpy, "torch": ref_torch}
MISTAKES = [m["id"] for m in tomllib.loads((KATA / "kata.toml").read_text(encoding="utf-8"))["mistakes"]]

SHAPES = [(7,), (3, 5), (6, 4), (2, 5, 8), (2, 3, 4, 6), (3, 7, 384)]


def generator(seed):
    return torch.Generator().manual_seed(seed)


def params(d, dtype, seed):
    g = generator(seed)
    gamma = (torch.rand(d, generator=g, dtype=dtype) + 0.5) * torch.where(
        torch.rand(d, generator=g) < 0.5, -1.0, 1.0).to(dtype)
    beta = torch.randn(d, generator=g, dtype=dtype)
    return gamma, beta


def small_rows(shape, dtype, seed):
    """Rows with standard deviations from 3e-4 to 5e-3: variances around eps."""
    g = generator(seed)
    rows = int(np.prod(shape[:-1]))
    scales = torch.tensor([3e-4, 1e-3, 2e-3, 5e-3], dtype=dtype)[torch.arange(rows) % 4]
    return torch.randn(shape, generator=g, dtype=dtype) * scales.reshape(*shape[:-1], 1)


def constant_rows(shape, dtype, seed):
    x = torch.randn(shape, generator=generator(seed), dtype=dtype)
    x.reshape(-1, shape[-1])[::2] = 1.5  # every other row constant
    return x


INPUTS = {
    "normal": lambda shape, dtype, seed: torch.randn(shape, generator=generator(seed), dtype=dtype) * 2 + 1,
    "small variance": small_rows,
    "constant rows": constant_rows,
}


# -- forward against F.layer_norm and F.rms_norm ------------------------------

@pytest.mark.parametrize("kind", list(INPUTS))
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype, rtol, atol", [(torch.float32, 1e-5, 1e-5), (torch.float64, 1e-12, 1e-12)])
def test_layer_norm_matches_F_layer_norm(shape, kind, dtype, rtol, atol):
    x = INPUTS[kind](shape, dtype, seed=1)
    gamma, beta = params(shape[-1], dtype, seed=2)
    for eps in (1e-5, 1e-2):
        out = ref_torch.layer_norm(x, gamma, beta, eps=eps)
        assert out.dtype == dtype and out.shape == x.shape
        torch.testing.assert_close(out, F.layer_norm(x, (shape[-1],), gamma, beta, eps), rtol=rtol, atol=atol)
    torch.testing.assert_close(ref_torch.layer_norm(x, gamma, beta),
                               F.layer_norm(x, (shape[-1],), gamma, beta, 1e-5), rtol=rtol, atol=atol)


@pytest.mark.parametrize("kind", ["normal", "small variance"])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype, rtol, atol", [(torch.float32, 1e-5, 1e-6), (torch.float64, 1e-12, 1e-12)])
def test_rms_norm_matches_F_rms_norm(shape, kind, dtype, rtol, atol):
    x = INPUTS[kind](shape, dtype, seed=3)
    weight, _ = params(shape[-1], dtype, seed=4)
    out = ref_torch.rms_norm(x, weight)
    assert out.dtype == dtype and out.shape == x.shape
    torch.testing.assert_close(out, F.rms_norm(x, (shape[-1],), weight, 1e-6), rtol=rtol, atol=atol)
    torch.testing.assert_close(ref_torch.rms_norm(x, weight, eps=1e-2),
                               F.rms_norm(x, (shape[-1],), weight, 1e-2), rtol=rtol, atol=atol)


def test_rms_norm_of_a_zero_row_is_zero():
    x = torch.zeros(2, 5)
    x[1] = 2.0
    weight, _ = params(5, torch.float32, seed=5)
    out = ref_torch.rms_norm(x, weight)
    assert bool(torch.isfinite(out).all()) and bool((out[0] == 0).all())
    torch.testing.assert_close(out, F.rms_norm(x, (5,), weight, 1e-6))


# -- backward against autograd ------------------------------------------------

def autograd_gradients(dout, x, gamma, beta, eps):
    x, gamma, beta = (t.detach().clone().requires_grad_() for t in (x, gamma, beta))
    out = F.layer_norm(x, (x.shape[-1],), gamma, beta, eps)
    return torch.autograd.grad((out * dout).sum(), (x, gamma, beta))


@pytest.mark.parametrize("kind", list(INPUTS))
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_backward_matches_autograd(shape, kind, dtype):
    x = INPUTS[kind](shape, dtype, seed=6)
    gamma, beta = params(shape[-1], dtype, seed=7)
    dout = torch.randn(shape, generator=generator(8), dtype=dtype)
    # float64: a tight check of the formula; float32: within the torch track's tolerance.
    rtol, atol = (1e-10, 1e-10) if dtype == torch.float64 else TOLERANCE["torch"]
    for eps in (1e-5, 1e-2):
        grads = ref_torch.layer_norm_backward(dout, x, gamma, eps=eps)
        expected = autograd_gradients(dout, x, gamma, beta, eps)
        for name, got, want in zip(("dx", "dgamma", "dbeta"), grads, expected):
            assert got.dtype == dtype, name
            assert got.shape == want.shape, name
            torch.testing.assert_close(got, want, rtol=rtol, atol=atol, msg=lambda m, n=name: f"{n}: {m}")


def test_backward_rows_of_dx_sum_to_zero():
    x = torch.randn(4, 3, 9, generator=generator(9), dtype=torch.float64)
    gamma, _ = params(9, torch.float64, seed=10)
    dout = torch.randn(x.shape, generator=generator(11), dtype=torch.float64)
    dx, _, _ = ref_torch.layer_norm_backward(dout, x, gamma)
    torch.testing.assert_close(dx.sum(-1), torch.zeros(4, 3, dtype=torch.float64), rtol=0, atol=1e-12)


def test_torch_reference_uses_no_forbidden_api(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the reference called a forbidden API")

    for owner, name in [(F, "layer_norm"), (F, "rms_norm"), (torch, "layer_norm"), (torch, "rms_norm"),
                        (torch, "native_layer_norm"), (torch.autograd, "grad"), (torch.autograd, "backward"),
                        (torch.Tensor, "backward")]:
        monkeypatch.setattr(owner, name, refuse)
    x = torch.randn(2, 3, 5, generator=generator(12))
    gamma, beta = params(5, torch.float32, seed=13)
    ref_torch.layer_norm(x, gamma, beta)
    ref_torch.layer_norm_backward(torch.ones_like(x), x, gamma)
    ref_torch.rms_norm(x, gamma)


# -- NumPy against torch ------------------------------------------------------

@pytest.mark.parametrize("kind", list(INPUTS))
@pytest.mark.parametrize("shape", SHAPES)
def test_numpy_reference_matches_torch_in_float64(shape, kind):
    x = INPUTS[kind](shape, torch.float64, seed=14)
    gamma, beta = params(shape[-1], torch.float64, seed=15)
    dout = torch.randn(shape, generator=generator(16), dtype=torch.float64)
    xn, gn, bn, dn = (t.numpy() for t in (x, gamma, beta, dout))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise", under="ignore"):
            pairs = [
                (ref_numpy.layer_norm(xn, gn, bn), ref_torch.layer_norm(x, gamma, beta)),
                (ref_numpy.layer_norm(xn, gn, bn, eps=1e-2), ref_torch.layer_norm(x, gamma, beta, eps=1e-2)),
                (ref_numpy.rms_norm(xn, gn), ref_torch.rms_norm(x, gamma)),
                *zip(ref_numpy.layer_norm_backward(dn, xn, gn), ref_torch.layer_norm_backward(dout, x, gamma)),
            ]
    for got, want in pairs:
        assert isinstance(got, np.ndarray) and got.dtype == np.float64
        assert got.shape == tuple(want.shape)
        np.testing.assert_allclose(got, want.numpy(), rtol=1e-12, atol=1e-12)


def test_numpy_reference_does_not_mutate_its_inputs():
    rng = np.random.default_rng(17)
    x, dout, gamma, beta = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 3, 4)), rng.normal(size=4), rng.normal(size=4)
    copies = [a.copy() for a in (x, dout, gamma, beta)]
    ref_numpy.layer_norm(x, gamma, beta)
    ref_numpy.layer_norm_backward(dout, x, gamma)
    ref_numpy.rms_norm(x, gamma)
    for before, after in zip(copies, (x, dout, gamma, beta)):
        np.testing.assert_array_equal(before, after)


# -- the mistakes are what they claim -------------------------------------------

def overlay(mistake, track):
    """The mistake module's functions over the reference's, as the grader runs it."""
    module = load(f"mistakes/{mistake.replace('-', '_')}_{track}.py")
    reference = REFERENCE[track]
    return lambda name: getattr(module, name, getattr(reference, name))


def track_data(track, arrays):
    if track == "numpy":
        return arrays
    return [torch.from_numpy(a.astype(np.float32)) for a in arrays]


def outputs_differ(track, a, b):
    rtol, atol = TOLERANCE[track]
    a = a if isinstance(a, tuple) else (a,)
    b = b if isinstance(b, tuple) else (b,)
    for u, v in zip(a, b):
        u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
        if u.shape != v.shape or not np.allclose(u, v, rtol=rtol, atol=atol):
            return True
    return False


def hidden_kind(kind, rng):
    """The inputs of one kind of hidden case: (function, float64 arrays, kwargs)."""
    d = 6
    gamma = rng.uniform(0.5, 1.5, size=d) * rng.choice([-1.0, 1.0], size=d)
    beta = rng.normal(size=d)
    small = rng.normal(size=(8, d)) * np.array([3e-4, 1e-3, 2e-3, 5e-3] * 2)[:, None]
    return {
        "forward 2-D": ("layer_norm", [rng.normal(1.0, 2.0, size=(5, d)), gamma, beta], {}),
        "forward 3-D": ("layer_norm", [rng.normal(size=(2, 5, d)), gamma, beta], {}),
        "forward small variance": ("layer_norm", [small, gamma, beta], {}),
        "rms 2-D": ("rms_norm", [rng.normal(0.5, 1.0, size=(3, d)), gamma], {}),
        "rms small values": ("rms_norm", [small, gamma], {}),
        "backward 2-D": ("layer_norm_backward", [rng.normal(size=(5, d)), rng.normal(size=(5, d)), gamma], {}),
        "backward 3-D": ("layer_norm_backward", [rng.normal(size=(2, 5, d)), rng.normal(size=(2, 5, d)), gamma], {}),
    }[kind]


# mistake -> (kinds on which it must differ from the reference, kinds on which it must agree)
EXPECTED = {
    "unbiased-variance": (["forward 2-D", "forward 3-D", "backward 2-D"], ["rms 2-D"]),
    "fixed-axis-1": (["forward 3-D", "backward 3-D"], ["forward 2-D", "backward 2-D", "rms 2-D"]),
    "eps-outside-sqrt": (["forward small variance", "rms small values"], []),
    "param-grads-axis-0": (["backward 3-D"], ["backward 2-D", "forward 3-D"]),
    "dx-ignores-statistics": (["backward 2-D", "backward 3-D"], ["forward 3-D"]),
    "dx-misses-variance-term": (["backward 2-D", "backward 3-D"], ["forward 3-D"]),
    "dx-forgets-gamma": (["backward 2-D", "backward 3-D"], ["forward 3-D"]),
    "rms-norm-subtracts-mean": (["rms 2-D"], ["forward 3-D", "backward 3-D"]),
}


def test_every_mistake_has_an_expectation():
    assert sorted(EXPECTED) == sorted(MISTAKES)


@pytest.mark.parametrize("track", ["numpy", "torch"])
@pytest.mark.parametrize("mistake", MISTAKES)
def test_mistake_differs_where_the_hidden_cases_look(mistake, track):
    impl = overlay(mistake, track)
    reference = REFERENCE[track]
    differ, agree = EXPECTED[mistake]
    for kind in differ + agree:
        function, arrays, kwargs = hidden_kind(kind, np.random.default_rng(18))
        args = track_data(track, arrays)
        want = getattr(reference, function)(*args, **kwargs)
        got = impl(function)(*args, **kwargs)
        if kind in differ:
            assert outputs_differ(track, got, want), f"{mistake} matches the reference on {kind}"
        else:
            assert not outputs_differ(track, got, want), f"{mistake} differs from the reference on {kind}"


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_mistakes_are_told_apart(track):
    """On every kind of input, two mistakes that both differ from the reference differ from each other."""
    impls = {m: overlay(m, track) for m in MISTAKES}
    for kind in ["forward 2-D", "forward 3-D", "forward small variance", "rms 2-D", "rms small values",
                 "backward 2-D", "backward 3-D"]:
        function, arrays, kwargs = hidden_kind(kind, np.random.default_rng(19))
        args = track_data(track, arrays)
        want = getattr(REFERENCE[track], function)(*args, **kwargs)
        wrong = {}
        for mistake, impl in impls.items():
            got = impl(function)(*args, **kwargs)
            if outputs_differ(track, got, want):
                wrong[mistake] = got
        names = sorted(wrong)
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                assert outputs_differ(track, wrong[first], wrong[second]), f"{first} and {second} agree on {kind}"
