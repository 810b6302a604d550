"""The outside oracle for logistic regression: torch.sigmoid, autograd and torch.optim.SGD.

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


def fit(X, y, lr=0.1, n_epochs=100):
    # The gradient comes from autograd of PyTorch's own loss, the steps from
    # its own optimiser: nothing here shares code or formulas with the references.
    w = torch.zeros(X.shape[1], dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros((), dtype=X.dtype, device=X.device, requires_grad=True)
    optimiser = torch.optim.SGD([w, b], lr=lr)
    target = y.to(X.dtype)
    for _ in range(n_epochs):
        optimiser.zero_grad()
        F.binary_cross_entropy_with_logits(X @ w + b, target, reduction="mean").backward()
        optimiser.step()
    return w.detach(), b.detach()


def predict_proba(X, w, b):
    return torch.sigmoid(X @ w + b)


def predict(X, w, b, threshold=0.5):
    return (torch.sigmoid(X @ w + b) >= threshold).long()


# -- (b) the calls to hold the references to -----------------------------------

WORKED_X = [[1.0, 2.0], [2.0, -1.0], [-1.0, -1.0], [-2.0, 1.0]]
WORKED_Y = [1, 1, 0, 0]


def separable(n=24, scale=20.0, seed=8):
    """Two clusters a hyperplane separates, scaled so the logits reach thousands: float64 NumPy data,
    the same as the hidden case's (seed 8)."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.4).astype(np.int64)
    X = (rng.normal(size=(n, 3)) + np.outer(2 * y - 1, [2.5, 1.0, -1.5]) + [0.5, 0.0, 0.0]) * scale
    return X, y


def extreme_logits():
    """X, w, b whose logits are about +-1000, 50 and -300: float64 NumPy data."""
    X = np.array([[10.0, 2.0], [-10.0, -2.0], [0.5, -0.25], [-3.0, 7.0], [0.01, 0.0]])
    return X, np.array([100.0, 0.0]), 0.5


def exact_half():
    """X, w, b whose logits are exactly 0 (sigmoid exactly 0.5) on rows 0, 2, 3 and 5, in float32 as in
    float64: every product and sum is a small dyadic fraction, exact in any order."""
    X = np.array([[1.0, -2.0], [2.0, 1.0], [-1.0, 0.0], [0.25, -1.25], [-1.0, -1.0], [-3.0, 2.0]])
    return X, np.array([0.5, 0.5]), 0.5


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    def t(a, kind=None):
        return torch.tensor(np.asarray(a), dtype=kind or dtype)

    X, y = t(WORKED_X), t(WORKED_Y, torch.int64)
    yield "fit", (X, y, 0.1, 1)
    yield "fit", (X, y)
    yield "fit", (X, y, 0.1, 0)
    yield "fit", (X, t(WORKED_Y), 0.5, 30)  # float labels
    rng = np.random.default_rng(11)
    for n, d, lr, epochs in [(1, 1, 0.1, 100), (9, 1, 0.3, 50), (30, 4, 0.1, 100), (12, 20, 0.05, 40)]:
        Xr = rng.normal(size=(n, d)) + 0.3
        yr = (rng.random(n) < 0.6).astype(np.int64)
        yield "fit", (t(Xr), t(yr, torch.int64), lr, epochs)
    Xs, ys = separable()
    yield "fit", (t(Xs), t(ys, torch.int64), 1.0, 60)

    for n, d in [(1, 1), (5, 3), (40, 6)]:
        Xr, wr = rng.normal(size=(n, d)) * 2, rng.normal(size=d)
        b = t(rng.normal())
        yield "predict_proba", (t(Xr), t(wr), b)
        for threshold in (0.5, 0.3, 0.8):
            yield "predict", (t(Xr), t(wr), b, threshold)
    Xe, we, be = extreme_logits()
    yield "predict_proba", (t(Xe), t(we), t(be))
    yield "predict", (t(Xe), t(we), t(be))
    Xh, wh, bh = exact_half()
    yield "predict_proba", (t(Xh), t(wh), t(bh))
    yield "predict", (t(Xh), t(wh), t(bh))
    yield "predict", (t(Xh), t(wh), t(bh), 0.5)


# -- (c) this kata's own assertions --------------------------------------------


def check_worked_example(implementation):
    """The statement's numbers, from both references."""
    X, y = np.array(WORKED_X), np.array(WORKED_Y)
    for track in ("numpy", "torch"):
        ref = implementation(track)
        if track == "numpy":
            w1, b1 = ref.fit(X, y, n_epochs=1)
            w, b = ref.fit(X, y)
            p = ref.predict_proba(X, w, b)
            labels = ref.predict(X, w, b)
            half = ref.predict_proba(np.array([[1.0, -2.0], [2.0, 1.0]]), np.array([0.5, 0.5]), 0.5)
            half_labels = ref.predict(np.array([[1.0, -2.0], [2.0, 1.0]]), np.array([0.5, 0.5]), 0.5)
            assert type(b) is float and type(b1) is float
        else:
            Xt, yt = torch.tensor(X, dtype=torch.float32), torch.tensor(y)
            w1, b1 = (v.numpy() for v in ref.fit(Xt, yt, n_epochs=1))
            wt, bt = ref.fit(Xt, yt)
            assert bt.dim() == 0
            p, labels = ref.predict_proba(Xt, wt, bt).numpy(), ref.predict(Xt, wt, bt).numpy()
            w, b = wt.numpy(), bt.item()
            Xh, wh, bh = torch.tensor([[1.0, -2.0], [2.0, 1.0]]), torch.tensor([0.5, 0.5]), torch.tensor(0.5)
            half, half_labels = ref.predict_proba(Xh, wh, bh).numpy(), ref.predict(Xh, wh, bh).numpy()
        np.testing.assert_allclose(w1, [0.075, 0.0125], rtol=1e-6)
        assert float(b1) == 0.0
        np.testing.assert_allclose(w, [1.934798, 0.559379], atol=2e-6)
        np.testing.assert_allclose(b, -0.062726, atol=2e-6)
        np.testing.assert_allclose(p, [0.952158, 0.962583, 0.071964, 0.033152], atol=2e-6)
        np.testing.assert_array_equal(labels, [1, 1, 0, 0])
        assert labels.dtype == np.int64
        np.testing.assert_allclose(half, [0.5, 0.880797], atol=1e-6)
        assert half[0] == 0.5
        np.testing.assert_array_equal(half_labels, [1, 1])


def check_one_step_is_minus_lr_times_the_gradient(implementation):
    """One step from zeros is -lr times the loss's gradient, taken by central differences (float64)."""
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(7, 3)), (rng.random(7) < 0.5).astype(np.int64)

    def loss(theta):
        z = X @ theta[:-1] + theta[-1]
        return np.mean(np.logaddexp(0.0, -z) * y + np.logaddexp(0.0, z) * (1 - y))

    h, zero = 1e-6, np.zeros(4)
    grad = np.array([(loss(zero + h * e) - loss(zero - h * e)) / (2 * h) for e in np.eye(4)])
    w, b = implementation("numpy").fit(X, y, lr=0.3, n_epochs=1)
    np.testing.assert_allclose(np.r_[w, b], -0.3 * grad, rtol=1e-7, atol=1e-10)


def check_the_separable_case_defeats_naive_sigmoids(implementation):
    """What the hidden separable case claims: logits in the thousands, a naive exp that warns, an exp
    ratio that gives NaN, and a reference that stays silent and finite."""
    X, y = separable()
    ref = implementation("numpy")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise", under="ignore"):
            w, b = ref.fit(X, y, 1.0, 60)
    logits = X @ w + b
    assert np.abs(logits).min() > 100 and logits.min() < -710 and logits.max() > 710
    assert np.all((logits > 0) == (y == 1)), "the separable data must end separated"
    with np.errstate(over="raise"):
        try:
            1.0 / (1.0 + np.exp(-logits))
        except FloatingPointError:
            pass
        else:
            raise AssertionError("the naive sigmoid should overflow on these logits")
    with np.errstate(all="ignore"):
        assert np.isnan(np.exp(logits) / (1.0 + np.exp(logits))).any()
    # One step lands every residual on exactly 0 in float32 and below 1e-145 in float64: from
    # there on nothing is left for rounding to amplify, whatever the learner's sigmoid.
    Xt, yt = torch.tensor(X, dtype=torch.float32), torch.tensor(y)
    w1, b1 = implementation("torch").fit(Xt, yt, 1.0, 1)
    assert torch.equal(torch.sigmoid(Xt @ w1 + b1), yt.float())
    w1, b1 = ref.fit(X, y, 1.0, 1)
    assert np.abs(ref.predict_proba(X, w1, b1) - y).max() < 1e-145


def check_exact_half_in_both_precisions(dtype, implementation):
    """The rows with a logit of exactly 0 have p exactly 0.5, in float32 and float64, and predict gives 1."""
    X, w, b = exact_half()
    Xt, wt, bt = (torch.tensor(np.asarray(v), dtype=dtype) for v in (X, w, b))
    p = implementation("torch").predict_proba(Xt, wt, bt)
    assert torch.equal(p[[0, 2, 3, 5]], torch.full((4,), 0.5, dtype=dtype))
    assert torch.equal(torch.sigmoid(Xt @ wt + bt)[[0, 2, 3, 5]], torch.full((4,), 0.5, dtype=dtype))
    assert implementation("torch").predict(Xt, wt, bt)[[0, 2, 3, 5]].eq(1).all()
    assert (implementation("numpy").predict(X, w, b)[[0, 2, 3, 5]] == 1).all()
