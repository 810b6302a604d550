"""The outside oracle for batchnorm: F.batch_norm, nn.BatchNorm1d and autograd.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions: the module stepped over several batches, central finite
differences for the backward, the worked example's numbers, and that each
mistake differs where the hidden cases look for it. The README's "Adding a
kata" describes the contract.
"""

import importlib.util
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    """F.batch_norm updates the running statistics in place: it is handed copies."""
    running_mean, running_var = running_mean.clone(), running_var.clone()
    out = F.batch_norm(x, running_mean, running_var, gamma, beta, training, momentum, eps)
    return out, running_mean, running_var


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    """The gradients of sum(F.batch_norm(x) * dout) in training mode, by autograd."""
    x, gamma = (t.detach().clone().requires_grad_() for t in (x, gamma))
    beta = torch.zeros_like(gamma, requires_grad=True)
    out = F.batch_norm(x, None, None, gamma, beta, True, 0.0, eps)
    return torch.autograd.grad((out * dout).sum(), (x, gamma, beta))


# (rtol, atol): "float32" and "float64" for the torch reference against the
# functions above, "numpy" for the NumPy reference against the torch one.
TOLERANCE = {
    "float64": (1e-12, 1e-12),
    "batchnorm_backward:float64": (1e-10, 1e-10),
    "numpy": (1e-12, 1e-12),
}

# -- (b) the calls to hold the references to -----------------------------------


def hidden_cases():
    """The hidden-case module, for its data builders."""
    path = Path(__file__).with_name("test_batchnorm.py")
    spec = importlib.util.spec_from_file_location("batchnorm_hidden_cases", path)
    module = importlib.util.module_from_spec(spec)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pytest.PytestUnknownMarkWarning)  # `catches` is the grader's mark
        spec.loader.exec_module(module)
    return module


CASES = hidden_cases()
SHAPES = [(2, 5), (7, 1), (5, 3), (16, 4), (64, 96)]


def tensors(dtype, *values):
    return [torch.as_tensor(v, dtype=dtype) if isinstance(v, np.ndarray) else v for v in values]


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    rng = np.random.default_rng(100)
    yield "batchnorm_forward", tensors(dtype, CASES.WORKED_X, *CASES.WORKED_PARAMS, np.zeros(2), np.ones(2), True)
    for shape in SHAPES:
        for make in (CASES.batch, CASES.small_columns):
            x, p = make(rng, shape), CASES.params(rng, shape[1])
            for training in (True, False):
                for extra in ((), (0.3,), (0.01, 1e-3), (1.0, 1e-2)):
                    yield "batchnorm_forward", tensors(dtype, x, *p, training, *extra)
            dout = rng.normal(size=shape)
            for eps in ((), (1e-3,)):
                yield "batchnorm_backward", tensors(dtype, dout, x, p[0], *eps)
        x = CASES.batch(rng, shape)
        x[:, 0] = 1.5  # a constant feature
        yield "batchnorm_forward", tensors(dtype, x, *CASES.params(rng, shape[1]), True)
        yield "batchnorm_backward", tensors(dtype, rng.normal(size=shape), x, CASES.params(rng, shape[1])[0])
    # Eval of a single sample, and running variances around eps.
    p = CASES.params(rng, 4)
    yield "batchnorm_forward", tensors(dtype, CASES.batch(rng, (1, 4)), *p, False)
    yield "batchnorm_forward", tensors(dtype, CASES.batch(rng, (3, 4)), *p[:3], np.array([1e-7, 1e-6, 4e-6, 2.5e-5]),
                                       False)


# -- (c) this kata's own assertions --------------------------------------------


def check_several_steps_against_the_module(dtype, implementation):
    """nn.BatchNorm1d carrying the same gamma and beta, stepped over several batches in training
    and then run in eval, against the reference fed back the running statistics it returned."""
    ref = implementation("torch")
    rng = np.random.default_rng(200)
    for d, momentum, eps in [(5, 0.1, 1e-5), (3, 0.25, 1e-3), (1, 0.9, 1e-5)]:
        module = torch.nn.BatchNorm1d(d, eps=eps, momentum=momentum, dtype=dtype)
        gamma, beta, _, _ = tensors(dtype, *CASES.params(rng, d))
        with torch.no_grad():
            module.weight.copy_(gamma)
            module.bias.copy_(beta)
        running_mean, running_var = module.running_mean.clone(), module.running_var.clone()
        tolerance = dict(rtol=1e-5, atol=1e-6) if dtype == torch.float32 else dict(rtol=1e-12, atol=1e-12)
        for step, n in enumerate([2, 6, 9, 4, 16, 3]):
            x = tensors(dtype, CASES.batch(rng, (n, d)))[0]
            training = step < 5
            module.train(training)
            with torch.no_grad():
                want = module(x)
            out, running_mean, running_var = ref.batchnorm_forward(
                x, gamma, beta, running_mean, running_var, training, momentum, eps)
            torch.testing.assert_close(out, want, **tolerance)
            torch.testing.assert_close(running_mean, module.running_mean, **tolerance)
            torch.testing.assert_close(running_var, module.running_var, **tolerance)


def check_batch_of_one_in_training_raises(track, implementation):
    """A training batch of one raises ValueError, as nn.BatchNorm1d does; eval takes it."""
    ref = implementation(track)
    args = [np.ones((1, 3)), np.ones(3), np.zeros(3), np.zeros(3), np.ones(3)]
    if track == "torch":
        args = tensors(torch.float32, *args)
    with pytest.raises(ValueError):
        ref.batchnorm_forward(*args, True)
    out, _, _ = ref.batchnorm_forward(*args, False)
    assert out.shape == (1, 3)
    with pytest.raises(ValueError, match="more than 1 value per channel"):
        torch.nn.BatchNorm1d(3)(torch.ones(1, 3))


def check_finite_differences(implementation):
    """The NumPy backward against central differences of the NumPy forward (float64)."""
    ref = implementation("numpy")
    rng = np.random.default_rng(300)
    for shape, eps in [((5, 3), 1e-5), ((2, 2), 1e-3), ((6, 2), 1e-5)]:
        x = CASES.batch(rng, shape)
        gamma, beta, rm, rv = CASES.params(rng, shape[1])
        dout = rng.normal(size=shape)

        def loss(x_, gamma_, beta_):
            return float((ref.batchnorm_forward(x_, gamma_, beta_, rm, rv, True, 0.1, eps)[0] * dout).sum())

        dx, dgamma, dbeta = ref.batchnorm_backward(dout, x, gamma, eps)
        h = 1e-6
        for value, grad, place in [(x, dx, 0), (gamma, dgamma, 1), (beta, dbeta, 2)]:
            numeric = np.zeros_like(value)
            for index in np.ndindex(value.shape):
                step = np.zeros_like(value)
                step[index] = h
                plus = [x, gamma, beta]
                minus = [x, gamma, beta]
                plus[place], minus[place] = value + step, value - step
                numeric[index] = (loss(*plus) - loss(*minus)) / (2 * h)
            np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-7)


def check_worked_example(implementation):
    """The numbers in statement.md."""
    ref = implementation("numpy")
    x, (gamma, beta) = CASES.WORKED_X, CASES.WORKED_PARAMS
    out, rm, rv = ref.batchnorm_forward(x, gamma, beta, np.zeros(2), np.ones(2), True)
    np.testing.assert_allclose(out, [[-1.4142, -2.0690], [0.0, 2.2071], [1.4142, -3.1381], [0.0, -1.0]], atol=5e-5)
    np.testing.assert_allclose([*rm, *rv], [0.3, 0.3, 7 / 6, 41 / 30], atol=1e-15)
    out, _, _ = ref.batchnorm_forward(x, gamma, beta, rm, rv, False)
    np.testing.assert_allclose(out, [[0.6481, 1.9083], [2.4997, 8.7515], [4.3513, 0.1976], [2.4997, 3.6191]],
                               atol=5e-5)
    unbiased, _, _ = implementation("numpy", "unbiased-variance-normalising").batchnorm_forward(
        x, gamma, beta, np.zeros(2), np.ones(2), True)
    np.testing.assert_allclose(unbiased[0], [-1.2247, -1.9258], atol=5e-5)
    dout = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [-1.0, 1.0]])
    dx, dgamma, dbeta = ref.batchnorm_backward(dout, x, gamma)
    np.testing.assert_allclose(dx, [[0.3536, -0.3054], [0.0, -0.1527], [0.3536, -0.0764], [-0.7071, 0.5345]],
                               atol=5e-5)
    np.testing.assert_allclose([*dgamma, *dbeta], [-1.4142, 1.6036, 0.0, 2.0], atol=5e-5)


def check_columns_of_dx_sum_to_zero(implementation):
    x = torch.randn(6, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    dout = torch.randn(6, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(2))
    dx, _, _ = implementation("torch").batchnorm_backward(dout, x, torch.full((4,), 1.7, dtype=torch.float64))
    torch.testing.assert_close(dx.sum(0), torch.zeros(4, dtype=torch.float64), rtol=0, atol=1e-12)


# -- the mistakes are what they claim -------------------------------------------

def kind_inputs(kind, rng):
    """The inputs of one kind of hidden case: (function, float64 arrays and values)."""
    d = 4
    p = CASES.params(rng, d)
    small = CASES.small_columns(rng, (12, d))
    return {
        "train": ("batchnorm_forward", [CASES.batch(rng, (6, d)), *p, True]),
        "train small variance": ("batchnorm_forward", [small, *p, True]),
        "eval": ("batchnorm_forward", [CASES.batch(rng, (6, d)), *p, False]),
        "eval small running variance": ("batchnorm_forward", [small, *p[:3], np.array([1e-7, 1e-6, 4e-6, 2.5e-5]),
                                                              False]),
        "backward": ("batchnorm_backward", [rng.normal(size=(6, d)), CASES.batch(rng, (6, d)), p[0]]),
        "backward small variance": ("batchnorm_backward", [rng.normal(size=(12, d)), small, p[0]]),
    }[kind]


KINDS = ["train", "train small variance", "eval", "eval small running variance", "backward",
         "backward small variance"]

# mistake -> (kinds on which it must differ from the reference, kinds on which it must agree)
EXPECTED = {
    # In float64 even an ordinary variance shows eps's place (a relative 1e-5): nothing to agree on.
    "eps-outside-sqrt": (["train small variance", "eval small running variance", "backward small variance"], []),
    "momentum-reversed": (["train"], ["eval", "backward"]),
    "unbiased-variance-normalising": (["train", "backward"], ["eval"]),
    "biased-running-variance": (["train"], ["eval", "backward"]),
    "batch-stats-in-eval": (["eval"], ["train", "backward"]),
    "eval-updates-running-stats": (["eval"], ["train", "backward"]),
    "statistics-over-features": (["train"], ["eval", "backward"]),
    "dx-ignores-statistics": (["backward"], ["train", "eval"]),
    "dx-misses-variance-term": (["backward"], ["train", "eval"]),
}


def track_data(track, values):
    return values if track == "numpy" else tensors(torch.float32, *values)


def outputs_differ(tolerance, a, b):
    rtol, atol = tolerance
    for u, v in zip(a, b):
        u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
        if u.shape != v.shape or not np.allclose(u, v, rtol=rtol, atol=atol):
            return True
    return False


def check_every_mistake_has_an_expectation(kata):
    assert sorted(EXPECTED) == sorted(m.id for m in kata.mistakes), "EXPECTED must name every mistake in kata.toml"


def check_mistake_differs_where_the_hidden_cases_look(kata, mistake, track, implementation):
    impl, reference = implementation(track, mistake), implementation(track)
    differ, agree = EXPECTED[mistake]
    for kind in differ + agree:
        function, values = kind_inputs(kind, np.random.default_rng(18))
        args = track_data(track, values)
        want = getattr(reference, function)(*args)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            got = getattr(impl, function)(*args)
        if kind in differ:
            assert outputs_differ(kata.tolerance_for(track), got, want), f"{mistake} matches the reference on {kind}"
        else:
            assert not outputs_differ(kata.tolerance_for(track), got, want), \
                f"{mistake} differs from the reference on {kind}"


def check_mistakes_are_told_apart(kata, track, implementation):
    """On every kind of input, two mistakes that both differ from the reference differ from each other."""
    impls = {m.id: implementation(track, m.id) for m in kata.mistakes_for(track)}
    tolerance = kata.tolerance_for(track)
    for kind in KINDS:
        function, values = kind_inputs(kind, np.random.default_rng(19))
        args = track_data(track, values)
        want = getattr(implementation(track), function)(*args)
        wrong = {}
        for mistake, impl in impls.items():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                got = getattr(impl, function)(*args)
            if outputs_differ(tolerance, got, want):
                wrong[mistake] = got
        names = sorted(wrong)
        for i, first in enumerate(names):
            for second in names[i + 1:]:
                assert outputs_differ(tolerance, wrong[first], wrong[second]), f"{first} and {second} agree on {kind}"


# -- the numbers in notes.md ----------------------------------------------------


def check_notes_library_behaviour():
    """momentum=None, track_running_stats=False, a batch of two, eps's place: as the notes say."""
    module = torch.nn.BatchNorm1d(2, momentum=None)
    g = torch.Generator().manual_seed(0)
    batches = [torch.randn(5, 2, generator=g) for _ in range(3)]
    with torch.no_grad():
        for x in batches:
            module(x)
    torch.testing.assert_close(module.running_mean, torch.stack([x.mean(0) for x in batches]).mean(0))
    module = torch.nn.BatchNorm1d(2, track_running_stats=False).eval()
    with torch.no_grad():
        out = module(torch.tensor([[0.0, 1.0], [2.0, 5.0]]))
    torch.testing.assert_close(out, torch.tensor([[-1.0, -1.0], [1.0, 1.0]]), atol=1e-4, rtol=0)
    with torch.no_grad():
        out = torch.nn.BatchNorm1d(1)(torch.tensor([[0.3], [1.1]]))
    torch.testing.assert_close(out[:, 0], torch.tensor([-1.0, 1.0]), atol=5e-5, rtol=0)
    assert (round(np.sqrt(1e-6) + 1e-5, 5), round(np.sqrt(1e-6 + 1e-5), 5)) == (0.00101, 0.00332)
    assert round(1 / np.sqrt(1e-5)) == 316 and round(256 / 255, 3) == 1.004


def check_notes_folding_and_redundant_bias():
    torch.manual_seed(0)
    conv, bn = torch.nn.Conv2d(3, 4, 3).double().eval(), torch.nn.BatchNorm2d(4).double().eval()
    with torch.no_grad():
        bn.running_mean.uniform_(-1, 1)
        bn.running_var.uniform_(0.5, 2)
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.normal_()
        x = torch.randn(2, 3, 8, 8, dtype=torch.float64)
        want = bn(conv(x))
        scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
        by_hand = F.conv2d(x, conv.weight * scale[:, None, None, None], (conv.bias - bn.running_mean) * scale + bn.bias)
        fused = torch.nn.utils.fusion.fuse_conv_bn_eval(conv, bn)(x)
        torch.testing.assert_close(by_hand, want, rtol=0, atol=1e-13)
        torch.testing.assert_close(fused, want, rtol=0, atol=1e-13)
        linear, x = torch.nn.Linear(3, 2).double(), torch.randn(6, 3, dtype=torch.float64)
        before = torch.nn.BatchNorm1d(2).double()(linear(x))
        linear.bias.add_(5.0)
        after = torch.nn.BatchNorm1d(2).double()(linear(x))
        torch.testing.assert_close(after, before, rtol=0, atol=1e-13)


def check_notes_dropout_variance_shift():
    x = torch.randn(1_000_000, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    mask = torch.rand(1_000_000, generator=torch.Generator().manual_seed(1), dtype=torch.float64) < 0.5
    assert abs(float((x * mask / 0.5).var()) - 2.0) < 0.03 and abs(float(x.var()) - 1.0) < 0.01
