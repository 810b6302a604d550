"""The outside oracle for the losses kata: PyTorch's own loss functions.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions; the README's "Adding a kata" describes the contract.

F.binary_cross_entropy is not the kata's loss where p is within eps of 0 or
1: it clamps each log at -100 instead of flooring its argument at eps. The
form below feeds it the floored arguments one log at a time (the BCE of a
probability a against a target of 1 is -log(a)), which is the kata's loss
everywhere; check_functional_bce_clamps_at_minus_100 shows the difference.
"""

import math

import numpy as np
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def mse(pred, target):
    return F.mse_loss(pred, target)


def mae(pred, target):
    return F.l1_loss(pred, target)


def binary_cross_entropy(probs, target, eps=1e-12):
    ones = torch.ones_like(probs)
    minus_log_p = F.binary_cross_entropy(probs.clamp(min=eps), ones, reduction="none")
    minus_log_not_p = F.binary_cross_entropy((1.0 - probs).clamp(min=eps), ones, reduction="none")
    return (target * minus_log_p + (1.0 - target) * minus_log_not_p).mean()


def bce_with_logits(logits, target):
    return F.binary_cross_entropy_with_logits(logits, target)


def cross_entropy(logits, labels, label_smoothing=0.0):
    return F.cross_entropy(logits, labels, label_smoothing=label_smoothing)


# (rtol, atol): "float32" and "float64" for the torch reference against the
# functions above, "numpy" for the NumPy reference against the torch
# reference in float64.
TOLERANCE = {
    "float32": (2e-6, 1e-6),
    "float64": (1e-12, 1e-14),
    "numpy": (1e-12, 1e-14),
}

# -- (b) the calls to hold the references to -----------------------------------

SHAPES = [(1,), (7,), (4, 5), (2, 3, 4)]


def _gen(seed):
    return torch.Generator().manual_seed(seed)


def inputs(dtype):
    """(function, positional args): tensors of `dtype`, labels int64; the NumPy reference gets arrays."""
    for i, shape in enumerate(SHAPES):
        g = _gen(i)
        pred, target = torch.randn(*shape, generator=g, dtype=dtype) * 3, torch.randn(*shape, generator=g, dtype=dtype)
        yield "mse", (pred, target)
        yield "mae", (pred, target)
        probs = torch.rand(*shape, generator=g, dtype=dtype) * 0.96 + 0.02
        hard = torch.randint(0, 2, shape, generator=g).to(dtype)
        soft = torch.randint(0, 5, shape, generator=g).to(dtype) / 4
        logits = torch.randn(*shape, generator=g, dtype=dtype) * 3
        for y in (hard, soft):
            yield "binary_cross_entropy", (probs, y)
            yield "bce_with_logits", (logits, y)
    # F.binary_cross_entropy with the kata's floors, where the floors act: 0 and 1
    # exactly, and an eps of 1e-3 with probabilities on both sides of it.
    saturated = torch.tensor([0.0, 1.0, 0.0, 1.0, 0.3, 0.9998, 2e-4], dtype=dtype)
    for y in ([1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0], [0.0, 1.0, 0.5, 0.25, 0.75, 1.0, 0.0]):
        y = torch.tensor(y, dtype=dtype)
        yield "binary_cross_entropy", (saturated, y)
        yield "binary_cross_entropy", (saturated, y, 1e-3)
        yield "binary_cross_entropy", (saturated, y, 1e-7)
    # bce_with_logits where sigmoid saturates and where exp overflows.
    g = _gen(10)
    huge = torch.tensor([1000.0, -1000.0, 1000.0, -1000.0, 40.0, -40.0, 20.0, -20.0], dtype=dtype)
    yield "bce_with_logits", (huge, torch.tensor([1.0, 0.0, 0.0, 1.0, 0.25, 0.75, 0.0, 1.0], dtype=dtype))
    wide = torch.rand(4, 8, generator=g, dtype=dtype) * 40 + 20
    wide = wide * (torch.randint(0, 2, (4, 8), generator=g) * 2 - 1).to(dtype)
    yield "bce_with_logits", (wide, torch.randint(0, 2, (4, 8), generator=g).to(dtype))
    # cross_entropy: shapes, smoothing, and logits that overflow a naive softmax.
    for n, c in [(1, 4), (5, 3), (8, 10), (3, 2), (6, 5)]:
        logits = torch.randn(n, c, generator=g, dtype=dtype) * 2
        labels = torch.randint(0, c, (n,), generator=g)
        yield "cross_entropy", (logits, labels)
        for label_smoothing in (0.1, 0.3, 1.0):
            yield "cross_entropy", (logits, labels, label_smoothing)
    yield "cross_entropy", (torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]], dtype=dtype), torch.tensor([0, 2]))
    offsets = torch.tensor([[150.0], [0.0], [-150.0]], dtype=dtype)
    large = offsets + torch.randn(3, 6, generator=g, dtype=dtype)
    spread = torch.randn(4, 7, generator=g, dtype=dtype) * 100
    for logits in (large, spread):
        labels = logits.argmin(dim=1)
        for label_smoothing in (0.0, 0.2):
            yield "cross_entropy", (logits, labels, label_smoothing)
    if dtype == torch.float64:  # past float64's overflow too
        far = torch.tensor([[1000.0], [0.0], [-1000.0]], dtype=dtype) + torch.randn(3, 6, generator=g, dtype=dtype)
        yield "cross_entropy", (far, torch.tensor([1, 4, 0]), 0.2)
        yield "cross_entropy", (spread * 6, spread.argmin(dim=1), 0.2)


# -- (c) this kata's own assertions --------------------------------------------

PARAMETERS = {"function": ["binary_cross_entropy", "bce_with_logits", "cross_entropy"]}


def check_worked_examples(implementation, track):
    """The statement's numbers, on both references."""
    ref = implementation(track)
    as_input = (lambda v: np.asarray(v, dtype=np.float64)) if track == "numpy" else \
        (lambda v: torch.tensor(v, dtype=torch.float64))
    labels = np.array([0, 2]) if track == "numpy" else torch.tensor([0, 2])
    logits = as_input([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
    got = {
        "mse": ref.mse(as_input([2.5, 0.0, 2.0, 8.0]), as_input([3.0, -0.5, 2.0, 7.0])),
        "mae": ref.mae(as_input([2.5, 0.0, 2.0, 8.0]), as_input([3.0, -0.5, 2.0, 7.0])),
        "bce": ref.binary_cross_entropy(as_input([0.9, 0.1, 0.8, 0.3]), as_input([1.0, 0.0, 1.0, 1.0])),
        "bce saturated": ref.binary_cross_entropy(as_input([1.0, 0.0]), as_input([1.0, 1.0])),
        "bce eps": ref.binary_cross_entropy(as_input([2e-4, 5e-3]), as_input([1.0, 1.0]), 1e-3),
        "bce with logits": ref.bce_with_logits(as_input([2.0, -1.0, 0.0]), as_input([1.0, 0.0, 1.0])),
        "bce with logits huge": ref.bce_with_logits(as_input([1000.0, -1000.0]), as_input([0.0, 0.0])),
        "cross entropy": ref.cross_entropy(logits, labels),
        "cross entropy smoothed": ref.cross_entropy(logits, labels, 0.1),
    }
    want = {"mse": 0.375, "mae": 0.5, "bce": 0.409459, "bce saturated": 13.815511, "bce eps": 6.103036,
            "bce with logits": 0.377779, "bce with logits huge": 500.0, "cross entropy": 1.418540,
            "cross entropy smoothed": 1.426873}
    for name, value in want.items():
        assert abs(float(got[name]) - value) < 1e-6, f"{name}: {float(got[name])}, the statement says {value}"
    assert math.isclose(want["bce saturated"], -math.log(1e-12) / 2, rel_tol=1e-7)


def check_functional_bce_clamps_at_minus_100(implementation, dtype):
    """Why F.binary_cross_entropy alone is not the oracle: at p = 0 for a positive it
    gives 100 (its log clamped at -100), the kata gives -log(eps) = 27.63; inside
    [eps, 1 - eps] the two agree."""
    ref = implementation("torch")
    p, y = torch.tensor([0.0, 1.0], dtype=dtype), torch.tensor([1.0, 1.0], dtype=dtype)
    assert F.binary_cross_entropy(p, y).item() == 50.0
    torch.testing.assert_close(ref.binary_cross_entropy(p, y), torch.tensor(-math.log(1e-12) / 2, dtype=dtype))
    g = _gen(50)
    p, y = torch.rand(5, 6, generator=g, dtype=dtype) * 0.98 + 0.01, torch.rand(5, 6, generator=g, dtype=dtype)
    torch.testing.assert_close(ref.binary_cross_entropy(p, y), F.binary_cross_entropy(p, y))


def check_clip_both_ends_fails_only_in_float32():
    """np.clip(p, eps, 1 - eps) is finite in float64 (8e-7 off, relatively, at p = 1), log(0) in float32."""
    eps = 1e-12
    assert np.float32(1.0 - eps) == np.float32(1.0)
    gap = 1.0 - np.clip(1.0, eps, 1.0 - eps)
    assert math.isclose(gap, 9.99978e-13, rel_tol=1e-6)
    assert 7e-7 < abs(math.log(gap) - math.log(eps)) / -math.log(eps) < 9e-7
    with np.errstate(divide="ignore"):
        assert np.log(np.float32(1.0) - np.clip(np.float32(1.0), np.float32(eps), np.float32(1.0 - eps))) == -np.inf


def check_naive_forms_break(implementation, track, function):
    """The naive forms the statement warns about give inf or NaN where the references stay finite."""
    ref = implementation(track)
    with np.errstate(all="ignore"):
        if function == "binary_cross_entropy":
            p, y = np.array([1.0, 0.0, 1.0]), np.array([1.0, 1.0, 0.0])
            naive = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            args = (p, y)
        elif function == "bce_with_logits":
            x, y = np.array([1000.0, -1000.0, 40.0]), np.array([1.0, 0.0, 1.0])
            s = 1 / (1 + np.exp(-x))
            naive = -np.mean(y * np.log(s) + (1 - y) * np.log(1 - s))
            args = (x, y)
        else:
            x, labels = np.array([[0.0, -800.0, 5.0]]), np.array([1])
            naive = -np.log(np.exp(x) / np.exp(x).sum())[0, 1]
            args = (x, labels)
    assert not np.isfinite(naive), f"the naive {function} was expected to break here"
    if track == "torch":
        args = tuple(torch.from_numpy(a) for a in args)
    assert math.isfinite(float(getattr(ref, function)(*args)))


def check_label_smoothing_is_eps_over_c(implementation, dtype):
    """F.cross_entropy's smoothing equals the cross-entropy against (1 - eps) onehot + eps / C,
    not against eps / (C - 1) off the label."""
    ref = implementation("torch")
    g = _gen(60)
    logits, labels = torch.randn(6, 5, generator=g, dtype=dtype), torch.randint(0, 5, (6,), generator=g)
    eps = 0.2
    q = torch.full((6, 5), eps / 5, dtype=dtype)
    q[torch.arange(6), labels] += 1 - eps
    by_target = -(q * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
    tol = {"rtol": 1e-5, "atol": 1e-6} if dtype == torch.float32 else {"rtol": 1e-12, "atol": 1e-14}
    torch.testing.assert_close(F.cross_entropy(logits, labels, label_smoothing=eps), by_target, **tol)
    torch.testing.assert_close(ref.cross_entropy(logits, labels, eps), by_target, **tol)
    q_other = torch.full((6, 5), eps / 4, dtype=dtype)
    q_other[torch.arange(6), labels] = 1 - eps
    other = -(q_other * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
    assert abs(float(other - by_target)) > 1e-3
