"""The outside oracle for the linear SVM: autograd and torch.optim.SGD.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls, or fail a `check_*` function in its place
(accepting labels 0 and 1 shows only in check_labels_raise). The `check_*`
functions are this kata's own assertions; the README's "Adding a kata"
describes the contract. The data come from the hidden cases' own builders,
so the checks below prove things about the very inputs learners get.

The hinge max(0, 1 - m) has a kink at m = 1, where any slope between -1 and
0 is a subgradient. Autograd picks one per operator: F.relu's backward is 0
at 0, torch.clamp(min=0)'s is 1 there (check_autograd_subgradients_at_the_kink
shows both). Written with F.relu, the oracle's gradient is the kata's choice,
a point on the margin inactive, so it holds at the kink as well as away from
it: the on-the-margin inputs below, and the fit whose first step lands every
point on the margin, are compared with it too.
"""

import importlib.util
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def objective(w, b, X, y, reg):
    return F.relu(1 - y * (X @ w + b)).mean() + reg / 2 * (w * w).sum()


def svm_loss_and_grad(w, b, X, y, reg):
    w = w.detach().clone().requires_grad_()
    b = torch.as_tensor(b, dtype=X.dtype, device=X.device).detach().clone().requires_grad_()
    loss = objective(w, b, X, y, reg)
    dw, db = torch.autograd.grad(loss, (w, b))
    return loss.detach(), dw, db


def fit_svm(X, y, lr, n_epochs, reg):
    w = X.new_zeros(X.shape[1], requires_grad=True)
    b = X.new_zeros((), requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    for _ in range(n_epochs):
        optimizer.zero_grad()
        objective(w, b, X, y, reg).backward()
        optimizer.step()
    return w.detach(), b.detach()


TOLERANCE = {
    "float64": (1e-12, 1e-12),
    "numpy": (1e-12, 1e-12),
}

# -- (b) the calls to hold the references to -----------------------------------


def hidden_cases():
    """The hidden-case module, for its data builders and its table of fit_svm cases."""
    path = Path(__file__).with_name("test_linear_svm.py")
    spec = importlib.util.spec_from_file_location("linear_svm_hidden_cases", path)
    module = importlib.util.module_from_spec(spec)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pytest.PytestUnknownMarkWarning)  # `catches` is the grader's mark
        spec.loader.exec_module(module)
    return module


CASES = hidden_cases()


def tensors(dtype, *values):
    return [torch.as_tensor(np.asarray(v), dtype=dtype) if isinstance(v, np.ndarray) else v for v in values]


def fit_problems():
    """(X, y, lr, n_epochs, reg) as float64 NumPy data: every fit_svm call of the hidden cases."""
    problems = [(CASES.WORKED_X, CASES.WORKED_Y, 0.1, n, 0.1) for n in (0, 1, 20)]
    problems += [CASES.ONTO_THE_MARGIN, (*CASES.unbalanced(np.random.default_rng(60)), 0.1, 20, 0.5)]
    for _, seed, n, d, separation, lr, n_epochs, reg in CASES.FIT_CASES:
        problems.append((*CASES.blobs(np.random.default_rng(seed), n, d, separation), lr, n_epochs, reg))
    return problems


def inputs(dtype):
    rng = np.random.default_rng(500)
    yield "svm_loss_and_grad", tensors(dtype, np.array([1.0, -0.5]), 0.5, CASES.WORKED_X, CASES.WORKED_Y, 0.1)
    for n, d in [(1, 1), (1, 5), (6, 3), (40, 7)]:
        yield "svm_loss_and_grad", tensors(dtype, *CASES.random_problem(rng, n, d), 0.1)
    yield "svm_loss_and_grad", tensors(dtype, *CASES.random_problem(rng, 12, 4), 0.0)
    # A large bias under a strong penalty, then the bias as a 0-d tensor.
    w, _, X, y = CASES.random_problem(rng, 8, 3)
    yield "svm_loss_and_grad", tensors(dtype, w, 3.0, X, y, 1.0)
    yield "svm_loss_and_grad", tensors(dtype, w, np.array(-1.5), X, y, 0.5)
    for n, d, n_on in [(10, 3, 4), (6, 5, 6)]:
        yield "svm_loss_and_grad", tensors(dtype, *CASES.on_the_margin(rng, n, d, n_on), 0.5)
    X, y = CASES.blobs(rng, 16, 3, 8.0)
    yield "svm_loss_and_grad", tensors(dtype, 3.0 * (X.T @ y) / np.linalg.norm(X.T @ y), 0.0, X, y, 0.2)
    for problem in fit_problems():
        yield "fit_svm", tensors(dtype, *problem)


# -- (c) this kata's own assertions --------------------------------------------


def check_autograd_subgradients_at_the_kink():
    """What the notes say about autograd at max(0, z)'s kink z = 0, on this torch."""
    picks = {}
    for name, hinge in [("relu", F.relu), ("clamp", lambda z: torch.clamp(z, min=0)),
                        ("maximum", lambda z: torch.maximum(z, torch.zeros_like(z)))]:
        z = torch.zeros(1, dtype=torch.float64, requires_grad=True)
        hinge(z).sum().backward()
        picks[name] = z.grad.item()
    assert picks == {"relu": 0.0, "clamp": 1.0, "maximum": 0.5}, picks


def check_clamp_oracle_agrees_away_from_the_kink(implementation):
    """Away from margins of 1 the subgradient is the gradient: torch.clamp's autograd gives the same."""
    ref = implementation("torch")
    rng = np.random.default_rng(501)
    for n, d in [(7, 3), (30, 5)]:
        w, b, X, y = tensors(torch.float64, *CASES.random_problem(rng, n, d))
        w_, b_ = w.clone().requires_grad_(), torch.tensor(b, dtype=torch.float64, requires_grad=True)
        loss = torch.clamp(1 - y * (X @ w_ + b_), min=0).mean() + 0.35 / 2 * w_.pow(2).sum()
        loss.backward()
        got = ref.svm_loss_and_grad(w, b, X, y, 0.35)
        for mine, theirs in zip(got, (loss.detach(), w_.grad, b_.grad)):
            torch.testing.assert_close(mine, theirs, rtol=1e-12, atol=1e-12)


def check_finite_differences(implementation):
    """The NumPy reference's gradient against central differences of its own loss, away from kinks."""
    ref = implementation("numpy")
    w, b, X, y = CASES.random_problem(np.random.default_rng(502), 9, 4)
    _, dw, db = ref.svm_loss_and_grad(w, b, X, y, 0.2)
    h = 1e-6
    for i in range(4):
        step = np.eye(4)[i] * h
        slope = (ref.svm_loss_and_grad(w + step, b, X, y, 0.2)[0] - ref.svm_loss_and_grad(w - step, b, X, y, 0.2)[0]) / (2 * h)
        assert slope == pytest.approx(dw[i], abs=1e-7)
    slope = (ref.svm_loss_and_grad(w, b + h, X, y, 0.2)[0] - ref.svm_loss_and_grad(w, b - h, X, y, 0.2)[0]) / (2 * h)
    assert slope == pytest.approx(db, abs=1e-7)


def check_on_the_margin_inputs_are_exact(dtype):
    """The margins built to be 1 are exactly 1 in float32 and float64, whatever the summation order."""
    for n, d, n_on in [(10, 3, 4), (6, 5, 6), (1, 2, 1)]:
        w, b, X, y = CASES.on_the_margin(np.random.default_rng(30 + n), n, d, n_on)
        Xt, wt, yt = tensors(dtype, X, w, y)
        for scores in (Xt @ wt + b, (Xt * wt).sum(1) + b, torch.einsum("nd,d->n", Xt.flip(1), wt.flip(0)) + b):
            assert bool(((yt * scores)[:n_on] == 1).all())


def check_fit_stays_off_the_kinks(dtype, implementation):
    """Every hidden fit_svm call: before each step, each margin is exactly 1 (only where every number
    is dyadic) or at least 1e-3 from it, on the reference's own trajectory in this precision."""
    ref = implementation("torch")
    for X, y, lr, n_epochs, reg in fit_problems():
        exact = X is CASES.ONTO_THE_MARGIN[0]  # lr, reg and the data are dyadic
        X, y = tensors(dtype, X, y)
        w, b = ref.fit_svm(X, y, lr, 0, reg)
        for epoch in range(n_epochs):
            gap = (y * (X @ w + b) - 1).abs()
            assert bool(((gap == 0) & exact | (gap > 1e-3)).all()), \
                f"epoch {epoch} of fit_svm(lr={lr}, n_epochs={n_epochs}, reg={reg}): a margin within {gap.min():.2g} of 1"
            _, dw, db = ref.svm_loss_and_grad(w, b, X, y, reg)
            w, b = w - lr * dw, b - lr * db
        torch.testing.assert_close((w, b), ref.fit_svm(X, y, lr, n_epochs, reg), rtol=0, atol=0)


def check_worked_example(implementation):
    ref = implementation("numpy")
    loss, dw, db = ref.svm_loss_and_grad(np.array([1.0, -0.5]), 0.5, CASES.WORKED_X, CASES.WORKED_Y, 0.1)
    assert (loss, db) == pytest.approx((1.0625, 0.5), abs=1e-12)
    np.testing.assert_allclose(dw, [0.35, -0.05], atol=1e-12)
    inclusive = implementation("numpy", "margin-test-inclusive").svm_loss_and_grad
    _, dw, db = inclusive(np.array([1.0, -0.5]), 0.5, CASES.WORKED_X, CASES.WORKED_Y, 0.1)
    np.testing.assert_allclose([*dw, db], [0.1, -0.3, 0.25], atol=1e-12)
    loss, _, db = implementation("numpy", "regularised-bias").svm_loss_and_grad(
        np.array([1.0, -0.5]), 0.5, CASES.WORKED_X, CASES.WORKED_Y, 0.1)
    assert (loss, db) == pytest.approx((1.075, 0.55), abs=1e-12)
    w, b = ref.fit_svm(CASES.WORKED_X, CASES.WORKED_Y, 0.1, 1, 0.1)
    np.testing.assert_allclose(w, [0.05, 0.025], atol=1e-12)
    assert b == 0.0
    w, b = ref.fit_svm(CASES.WORKED_X, CASES.WORKED_Y, 0.1, 20, 0.1)
    np.testing.assert_allclose(w, [0.573641, 0.455233], atol=1e-6)
    assert b == pytest.approx(-0.175, abs=1e-12)


def check_labels_raise(track, implementation):
    """Labels other than -1 and +1 raise ValueError in both functions, even with no epoch to run."""
    ref = implementation(track)
    X, w = np.ones((3, 2)), np.zeros(2)
    for y in ([0.0, 1.0, 1.0], [1.0, -1.0, 2.0]):
        args = (w, X, np.array(y)) if track == "numpy" else tensors(torch.float32, w, X, np.array(y))
        for function, call in [("svm_loss_and_grad", lambda: ref.svm_loss_and_grad(args[0], 0.0, *args[1:], 0.1)),
                               ("fit_svm", lambda: ref.fit_svm(*args[1:], 0.1, 0, 0.1))]:
            try:
                call()
            except ValueError:
                continue
            raise AssertionError(f"{function} accepted labels {y}")


# -- the numbers in notes.md ----------------------------------------------------


def check_notes_worked_example_optimum_and_descent(implementation):
    """The worked example's exact optimum (w = [2, 1], b = -2, three margins exactly 1), proved by
    a zero subgradient; and a constant step that raises the loss and never settles."""
    ref = implementation("numpy")
    X, y, w, b, reg = CASES.WORKED_X, CASES.WORKED_Y, np.array([2.0, 1.0]), -2.0, 0.1
    np.testing.assert_array_equal(y * (X @ w + b), [1.0, 2.0, 1.0, 1.0])
    # Weights in [0, 1] for the three points on the margin make the subgradient 0 in w and b.
    alpha = np.array([1.0, 0.0, 0.8, 0.2])
    np.testing.assert_allclose(reg * w - (alpha * y) @ X / len(y), 0.0, atol=1e-15)
    assert (alpha * y).sum() == pytest.approx(0.0, abs=1e-15)
    assert ref.svm_loss_and_grad(w, b, X, y, reg)[0] == pytest.approx(0.25, abs=1e-15)
    losses = [ref.svm_loss_and_grad(*ref.fit_svm(X, y, 0.1, n, reg), X, y, reg)[0] for n in (34, 35, 1000, 5000)]
    np.testing.assert_allclose(losses, [0.5209, 0.5290, 0.2526, 0.2519], atol=5e-5)


def check_notes_quadratic_program_numbers():
    """Support vectors, the shift of the data, a penalised bias and the dual, on 30 points (scipy's SLSQP)."""
    from scipy.optimize import minimize

    rng = np.random.default_rng(0)
    y = rng.choice([-1.0, 1.0], 30)
    X = rng.normal(size=(30, 2)) + 1.2 * y[:, None]
    reg = 0.05

    def primal(X, y, reg, bias_penalty=False):
        """min over (w, b, slack) of mean(slack) + reg/2 ||w||^2 with y (X w + b) >= 1 - slack, slack >= 0."""
        n, d = X.shape
        penalised = np.r_[np.ones(d), float(bias_penalty), np.zeros(n)]
        objective = lambda z: z[d + 1:].mean() + reg / 2 * (penalised * z) @ z  # noqa: E731
        gradient = lambda z: reg * penalised * z + np.r_[np.zeros(d + 1), np.full(n, 1 / n)]  # noqa: E731
        margin_rows = np.c_[y[:, None] * X, y, np.eye(n)]
        constraints = [{"type": "ineq", "fun": lambda z: margin_rows @ z - 1, "jac": lambda z: margin_rows},
                       {"type": "ineq", "fun": lambda z: z[d + 1:], "jac": lambda z: np.eye(n, d + 1 + n, d + 1)}]
        z = minimize(objective, np.r_[np.zeros(d + 1), np.ones(n)], jac=gradient, constraints=constraints,
                     method="SLSQP", options={"ftol": 1e-14, "maxiter": 2000}).x
        return z[:d], z[d]

    w, b = primal(X, y, reg)
    support = y * (X @ w + b) <= 1 + 1e-6
    assert support.sum() == 3
    w_sv, b_sv = primal(X[support], y[support], reg * len(y) / support.sum())  # the same C
    np.testing.assert_allclose([*w_sv, b_sv], [*w, b], atol=1e-7)
    c = np.array([5.0, -3.0])
    w_shift, b_shift = primal(X + c, y, reg)
    np.testing.assert_allclose([*w_shift, b_shift], [*w, b - c @ w], atol=1e-7)
    assert (round(b, 4), round(b - c @ w, 4)) == (0.1543, -1.7493)
    w_pen, _ = primal(X, y, reg, bias_penalty=True)
    w_pen_shift, _ = primal(X + c, y, reg, bias_penalty=True)
    np.testing.assert_allclose([*w_pen, *w_pen_shift], [0.865, 0.763, 0.623, 1.006], atol=5e-4)
    C = 1 / (len(y) * reg)
    K = (y[:, None] * X) @ (y[:, None] * X).T
    alpha = minimize(lambda a: 0.5 * a @ K @ a - a.sum(), np.zeros(len(y)), jac=lambda a: K @ a - 1,
                     bounds=[(0, C)] * len(y), constraints=[{"type": "eq", "fun": lambda a: a @ y}],
                     method="SLSQP", options={"ftol": 1e-14, "maxiter": 1000}).x
    np.testing.assert_allclose((alpha * y) @ X, w, atol=1e-7)
    assert (alpha > 1e-6).sum() == 3


def check_notes_losses_and_multi_margin():
    np.testing.assert_allclose(np.log1p(np.exp(-np.array([0.0, 1.0, 2.0]))), [0.693, 0.313, 0.127], atol=5e-4)
    got = F.multi_margin_loss(torch.tensor([[0.3, -1.2, 2.0]], dtype=torch.float64), torch.tensor([1]))
    assert got.item() == pytest.approx(6.7 / 3, abs=1e-12)
