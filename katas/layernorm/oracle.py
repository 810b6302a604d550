"""The outside oracle for layernorm: PyTorch's own operators and autograd.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions, among them that each mistake differs where the hidden cases look
for it and agrees where it is invisible; the README's "Adding a kata"
describes the contract.
"""

import numpy as np
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def layer_norm(x, gamma, beta, eps=1e-5):
    return F.layer_norm(x, (x.shape[-1],), gamma, beta, eps)


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    """The gradients of sum(F.layer_norm(x) * dout) by autograd (they do not depend on beta)."""
    x, gamma = (t.detach().clone().requires_grad_() for t in (x, gamma))
    beta = torch.zeros_like(gamma, requires_grad=True)
    out = F.layer_norm(x, (x.shape[-1],), gamma, beta, eps)
    return torch.autograd.grad((out * dout).sum(), (x, gamma, beta))


def rms_norm(x, weight, eps=1e-6):
    return F.rms_norm(x, (x.shape[-1],), weight, eps)


# (rtol, atol): "float32" and "float64" for the torch reference against the
# functions above, "numpy" for the NumPy reference against the torch
# reference in float64; "<function>:<key>" for one function only. The
# backward in float32 has no entry: it is held to the torch track's tolerance
# in kata.toml.
TOLERANCE = {
    "layer_norm:float32": (1e-5, 1e-5),
    "rms_norm:float32": (1e-5, 1e-6),
    "float64": (1e-12, 1e-12),
    "layer_norm_backward:float64": (1e-10, 1e-10),
    "numpy": (1e-12, 1e-12),
}

# -- (b) the calls to hold the references to -----------------------------------

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


KINDS = {
    "normal": lambda shape, dtype, seed: torch.randn(shape, generator=generator(seed), dtype=dtype) * 2 + 1,
    "small variance": small_rows,
    "constant rows": constant_rows,
}


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    # float32 gradients of rows whose variance is near eps are ill-conditioned: the
    # reference and autograd each err by about 1e-4 relative there, so the seeds
    # are the ones these calls were first checked on.
    for shape in SHAPES:
        d = shape[-1]
        for kind, make in KINDS.items():
            x, (gamma, beta) = make(shape, dtype, seed=1), params(d, dtype, seed=2)
            for eps in ((), (1e-5,), (1e-2,)):
                yield "layer_norm", (x, gamma, beta, *eps)
            x, (weight, _) = make(shape, dtype, seed=3), params(d, dtype, seed=4)
            for eps in ((), (1e-2,)):
                yield "rms_norm", (x, weight, *eps)
            x, (gamma, _) = make(shape, dtype, seed=6), params(d, dtype, seed=7)
            dout = torch.randn(shape, generator=generator(8), dtype=dtype)
            for eps in ((), (1e-5,), (1e-2,)):
                yield "layer_norm_backward", (dout, x, gamma, *eps)
    x = torch.zeros(2, 5, dtype=dtype)
    x[1] = 2.0
    yield "rms_norm", (x, params(5, dtype, seed=5)[0])  # a zero row


# -- (c) this kata's own assertions --------------------------------------------


def check_rms_norm_of_a_zero_row_is_zero(implementation):
    x = torch.zeros(2, 5)
    x[1] = 2.0
    weight, _ = params(5, torch.float32, seed=5)
    out = implementation("torch").rms_norm(x, weight)
    assert bool(torch.isfinite(out).all()) and bool((out[0] == 0).all()), f"rms_norm of a zero row: {out[0]}"
    torch.testing.assert_close(out, F.rms_norm(x, (5,), weight, 1e-6))


def check_backward_rows_of_dx_sum_to_zero(implementation):
    x = torch.randn(4, 3, 9, generator=generator(9), dtype=torch.float64)
    gamma, _ = params(9, torch.float64, seed=10)
    dout = torch.randn(x.shape, generator=generator(11), dtype=torch.float64)
    dx, _, _ = implementation("torch").layer_norm_backward(dout, x, gamma)
    torch.testing.assert_close(dx.sum(-1), torch.zeros(4, 3, dtype=torch.float64), rtol=0, atol=1e-12)


# -- the mistakes are what they claim -------------------------------------------

def track_data(track, arrays):
    if track == "numpy":
        return arrays
    return [torch.from_numpy(a.astype(np.float32)) for a in arrays]


def outputs_differ(tolerance, a, b):
    rtol, atol = tolerance
    a = a if isinstance(a, tuple) else (a,)
    b = b if isinstance(b, tuple) else (b,)
    for u, v in zip(a, b):
        u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
        if u.shape != v.shape or not np.allclose(u, v, rtol=rtol, atol=atol):
            return True
    return False


HIDDEN_KINDS = ["forward 2-D", "forward 3-D", "forward small variance", "rms 2-D", "rms small values",
                "backward 2-D", "backward 3-D"]


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
    "rms-norm-divides-by-std": (["rms 2-D"], ["forward 3-D", "backward 3-D"]),
}


def check_every_mistake_has_an_expectation(kata):
    assert sorted(EXPECTED) == sorted(m.id for m in kata.mistakes), "EXPECTED must name every mistake in kata.toml"


def check_mistake_differs_where_the_hidden_cases_look(kata, mistake, track, implementation):
    impl, reference = implementation(track, mistake), implementation(track)
    differ, agree = EXPECTED[mistake]
    for kind in differ + agree:
        function, arrays, kwargs = hidden_kind(kind, np.random.default_rng(18))
        args = track_data(track, arrays)
        want = getattr(reference, function)(*args, **kwargs)
        got = getattr(impl, function)(*args, **kwargs)
        if kind in differ:
            assert outputs_differ(kata.tolerance_for(track), got, want), f"{mistake} matches the reference on {kind}"
        else:
            assert not outputs_differ(kata.tolerance_for(track), got, want), \
                f"{mistake} differs from the reference on {kind}"


def check_mistakes_are_told_apart(kata, track, implementation):
    """On every kind of input, two mistakes that both differ from the reference differ from each other."""
    impls = {m.id: implementation(track, m.id) for m in kata.mistakes_for(track)}
    tolerance = kata.tolerance_for(track)
    for kind in HIDDEN_KINDS:
        function, arrays, kwargs = hidden_kind(kind, np.random.default_rng(19))
        args = track_data(track, arrays)
        want = getattr(implementation(track), function)(*args, **kwargs)
        wrong = {}
        for mistake, impl in impls.items():
            got = getattr(impl, function)(*args, **kwargs)
            if outputs_differ(tolerance, got, want):
                wrong[mistake] = got
        names = sorted(wrong)
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                assert outputs_differ(tolerance, wrong[first], wrong[second]), f"{first} and {second} agree on {kind}"
