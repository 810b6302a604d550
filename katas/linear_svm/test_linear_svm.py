"""Hidden cases for the linear SVM: svm_loss_and_grad and fit_svm.

Which case catches which classic mistake:
- points exactly on the margin, y (x.w + b) = 1, catch a margin test of
  `<= 1`: the loss is the same either way, dw and db are not. The inputs are
  small dyadic numbers (quarters, halves) so that the margins are exactly 1
  in float32 and float64 whatever order a learner sums in; in fit_svm the
  first step lands every point on the margin, from exact arithmetic too;
- a bias far from 0 with a penalty catches a regularised bias, in the loss
  and db, and in the b that training ends at;
- labels 0 and 1 (and other values) must raise ValueError in both
  functions; a batch of one class only is still valid;
- batches with some samples beyond the margin and several active ones
  catch a gradient without the indicator, one averaged over the active
  samples, one summed instead of averaged, and one missing reg * w.
Away from the exact cases no margin comes within 1e-3 of 1 (`off_the_kinks`
asserts it on each input; the oracle replays every fit_svm case and checks
its whole trajectory), so rounding cannot flip a sample between active and
inactive, the one place where a correct answer could jump.
"""

import numpy as np
import pytest

# (id, seed, n, d, separation, lr, n_epochs, reg): the fit_svm cases on blobs.
# oracle.py replays each trajectory and proves every margin stays off 1.
FIT_CASES = [
    ("one_sample", 77, 1, 3, 1.0, 0.1, 20, 0.1),
    ("one_feature", 141, 9, 1, 1.5, 0.2, 30, 0.05),
    ("overlapping", 93, 40, 3, 0.5, 0.1, 60, 0.01),
    ("separable", 136, 24, 5, 3.0, 0.05, 40, 0.1),
    ("strong_penalty", 200, 15, 4, 1.0, 0.1, 40, 2.0),
]
# From zeros with lr 2 the first step gives w = [1, 1], b = 0: every margin is then exactly 1,
# and the second step must move w by the penalty alone. Every number stays dyadic, so exact.
ONTO_THE_MARGIN = (np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]]),
                   np.array([1.0, 1.0, -1.0, -1.0]), 2.0, 4, 0.125)


def labels(rng, n):
    return rng.choice([-1.0, 1.0], size=n)


def blobs(rng, n, d, separation):
    """Two Gaussian clouds, one per label, `separation` apart along a random direction."""
    y = labels(rng, n)
    direction = rng.normal(size=d)
    direction /= np.linalg.norm(direction)
    return rng.normal(size=(n, d)) + 0.5 * separation * y[:, None] * direction, y


def unbalanced(rng):
    """Three positives in four, shifted away from the origin: b goes far from 0."""
    y = np.where(rng.random(20) < 0.75, 1.0, -1.0)
    return rng.normal(size=(20, 2)) + 2.0 + y[:, None], y


def off_the_kinks(w, b, X, y):
    """A broken case rather than a flaky one: no margin may sit within rounding of 1."""
    assert np.abs(y * (X @ w + b) - 1).min() > 1e-3, "an input margin is too close to 1"
    return w, b, X, y


def random_problem(rng, n, d):
    X = rng.normal(size=(n, d))
    return off_the_kinks(rng.normal(size=d), float(rng.normal()), X, labels(rng, n))


def on_the_margin(rng, n, d, n_on):
    """Quarters and halves, with y (x.w + b) = 1 exactly for the first n_on samples."""
    w = rng.integers(-4, 5, size=d) / 2.0
    w[-1] = 1.0
    b = 0.25
    X = rng.integers(-8, 9, size=(n, d)) / 4.0
    y = labels(rng, n)
    # x.w + b = y makes the margin y * y = 1; the last weight is 1, so solve for the last feature.
    X[:n_on, -1] = y[:n_on] - b - X[:n_on, :-1] @ w[:-1]
    return w, b, X, y


# -- svm_loss_and_grad ---------------------------------------------------------

WORKED_X = np.array([[1.0, 1.0], [2.0, 0.0], [0.0, 1.0], [1.0, -1.0]])
WORKED_Y = np.array([1.0, 1.0, -1.0, -1.0])


@pytest.mark.catches("regularised-bias", "margin-test-inclusive", "hinge-summed",
                     "gradient-averaged-over-active", "reg-gradient-missing", "gradient-ignores-margin")
def test_worked_example(case):
    # Margins 1 (on the margin), 2.5, 0 and -2.
    case.same("svm_loss_and_grad", np.array([1.0, -0.5]), 0.5, WORKED_X, WORKED_Y, 0.1)


@pytest.mark.catches("regularised-bias", "reg-gradient-missing")
@pytest.mark.parametrize("n, d", [(1, 1), (1, 5), (6, 3), (5, 8), (40, 7)])
def test_shapes(case, n, d):
    case.same("svm_loss_and_grad", *random_problem(case.rng(10 + 10 * n + d), n, d), 0.1)


@pytest.mark.parametrize("reg", [0.0, 3.0])
def test_penalty_strength(case, reg):
    case.same("svm_loss_and_grad", *random_problem(case.rng(20), 12, 4), reg)


@pytest.mark.catches("margin-test-inclusive")
@pytest.mark.parametrize("n, d, n_on", [(10, 3, 4), (6, 5, 6), (1, 2, 1)])
def test_exactly_on_the_margin(case, n, d, n_on):
    case.same("svm_loss_and_grad", *on_the_margin(case.rng(30 + n), n, d, n_on), 0.5)


@pytest.mark.catches("gradient-ignores-margin")
def test_every_sample_beyond_the_margin(case):
    # Well-separated blobs and a long w: hinge 0 everywhere, dw = reg * w, db = 0.
    X, y = blobs(case.rng(40), 16, 3, 8.0)
    w = 3.0 * (X.T @ y) / np.linalg.norm(X.T @ y)
    case.same("svm_loss_and_grad", *off_the_kinks(w, 0.0, X, y), 0.2)


@pytest.mark.catches("hinge-summed")
def test_every_sample_active(case):
    X, y = blobs(case.rng(41), 9, 4, 1.0)
    case.same("svm_loss_and_grad", np.zeros(4), 0.0, X, y, 0.3)


@pytest.mark.catches("regularised-bias")
def test_large_bias(case):
    rng = case.rng(42)
    X = rng.normal(size=(8, 3))
    case.same("svm_loss_and_grad", *off_the_kinks(0.5 * rng.normal(size=3), 3.0, X, labels(rng, 8)), 1.0)


def test_one_class_only(case):
    # Every label +1 is a valid batch: a check that both labels are present is wrong.
    rng = case.rng(43)
    X = rng.normal(size=(5, 3))
    case.same("svm_loss_and_grad", *off_the_kinks(rng.normal(size=3), -0.3, X, np.ones(5)), 0.1)


@pytest.mark.catches("zero-one-labels-accepted")
@pytest.mark.parametrize("y", [[0.0, 1.0, 1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 0.0, 1.0, 1.0, 1.0],
                               [-1.0, 0.0, 1.0, 1.0, -1.0, 0.0], [2.0, -2.0, 2.0, -2.0, 2.0, 2.0]],
                         ids=["zero_one", "one_zero_among_ones", "minus_one_zero_one", "two_minus_two"])
def test_bad_labels_raise(case, y):
    rng = case.rng(44)
    X = rng.normal(size=(6, 3))
    case.raises("svm_loss_and_grad", "ValueError", rng.normal(size=3), 0.1, X, np.array(y), 0.1,
                why=f"labels {sorted(set(y))}")


@pytest.mark.catches("zero-one-labels-accepted")
@pytest.mark.parametrize("n_epochs", [10, 0])
def test_fit_bad_labels_raise(case, n_epochs):
    rng = case.rng(45)
    X = rng.normal(size=(6, 2))
    case.raises("fit_svm", "ValueError", X, np.array([0.0, 1.0, 1.0, 0.0, 0.0, 1.0]), 0.1, n_epochs, 0.1,
                why="labels 0 and 1" + (" with n_epochs=0" if n_epochs == 0 else ""))


# -- fit_svm -------------------------------------------------------------------

def test_fit_first_step(case):
    # From zeros every margin is 0: w = lr * mean(y x), b = lr * mean(y).
    case.same("fit_svm", WORKED_X, WORKED_Y, 0.1, 1, 0.1)


def test_fit_no_epochs(case):
    case.same("fit_svm", WORKED_X, WORKED_Y, 0.1, 0, 0.1)


@pytest.mark.catches("regularised-bias", "hinge-summed", "gradient-averaged-over-active",
                     "reg-gradient-missing", "gradient-ignores-margin")
def test_fit_worked_example(case):
    case.same("fit_svm", WORKED_X, WORKED_Y, 0.1, 20, 0.1)


@pytest.mark.catches("margin-test-inclusive")
def test_fit_steps_onto_the_margin(case):
    case.same("fit_svm", *ONTO_THE_MARGIN)


@pytest.mark.catches("regularised-bias", "hinge-summed", "gradient-ignores-margin")
def test_fit_unbalanced_labels(case):
    case.same("fit_svm", *unbalanced(case.rng(60)), 0.1, 20, 0.5)


@pytest.mark.parametrize("name, seed, n, d, separation, lr, n_epochs, reg", FIT_CASES,
                         ids=[c[0] for c in FIT_CASES])
def test_fit_blobs(case, name, seed, n, d, separation, lr, n_epochs, reg):
    X, y = blobs(case.rng(seed), n, d, separation)
    case.same("fit_svm", X, y, lr, n_epochs, reg)


def test_loss_at_trained_weights(case):
    # fit_svm's own (w, b) fed back: on the torch track b arrives as a 0-d tensor.
    X, y = blobs(case.rng(61), 12, 3, 1.0)
    w, b = case.expected("fit_svm", X, y, 0.1, 5, 0.1)
    case.same("svm_loss_and_grad", *off_the_kinks(w, b, X, y), 0.1)


def timing_case(rng):
    X, y = blobs(rng, 4000, 32, 1.0)
    return "fit_svm", (X, y, 0.05, 100, 0.01), {}
