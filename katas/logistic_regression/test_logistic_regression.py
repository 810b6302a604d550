"""Hidden cases for logistic regression: fit, predict_proba and predict.

Which case catches which classic mistake:
- one step from zeros (n_epochs=1) sees sigmoid(0) = 0.5 whatever the
  sigmoid's sign, so it isolates the update itself: `w = lr * dw` flips the
  step's sign, a sum instead of a mean makes it N times too long, the
  squared-error gradient makes it 4 times too short (p (1 - p) = 1/4), a
  random start moves it; later steps show a sigmoid of the wrong sign;
- any batch of more than one sample shows predictions of shape (N, 1) minus
  labels of shape (N,), broadcast into an (N, N) residual;
- n_epochs=0 must return the zeros it started from;
- separable data fitted with a long step reach logits in the thousands: a
  sigmoid written exp(z) / (1 + exp(z)) gives inf / inf = NaN there, and
  the naive 1 / (1 + exp(-z)) raises NumPy's overflow warning at the
  negative ones (its values are right, so only the warning fails it);
- logits of exactly 0 (every product and sum exact in float32) give a
  probability of exactly 0.5, where `p > threshold` says 0 and the
  contract says 1.
Every fit case keeps lr below 2 / L (L the loss's smoothness constant,
lambda_max([X 1]^T [X 1]) / (4 N)), where gradient descent on a convex loss
cannot amplify rounding: float32 and float64 learners, whatever their
sigmoid formula, stay within tolerance of the reference. The separable case
jumps past that bound once, into logits so large (|z| > 300) that every
residual is then exactly 0 in float32 and below 1e-145 in float64: nothing
is left to amplify. Each case names the mistakes it is there to catch with
@pytest.mark.catches(...); kata validate proves that each of them fails it.
"""

import numpy as np
import pytest

WORKED_X = np.array([[1.0, 2.0], [2.0, -1.0], [-1.0, -1.0], [-2.0, 1.0]])
WORKED_Y = np.array([1, 1, 0, 0])
# fit(WORKED_X, WORKED_Y) with the defaults, as the statement prints it.
WORKED_W = np.array([1.934798, 0.559379])
WORKED_B = -0.062726


def bias(case, value):
    """b as the track passes it: a Python float (NumPy), a 0-d tensor (PyTorch)."""
    return float(value) if case.track == "numpy" else np.array(float(value))


def blobs(rng, n, d, shift=0.3):
    """Overlapping classes (not separable): X (n, d) float64 and 0/1 int64 labels."""
    y = (rng.random(n) < 0.6).astype(np.int64)
    X = rng.normal(size=(n, d)) + shift * (2 * y[:, None] - 1)
    return X, y


def separable(rng, n=24, scale=20.0):
    """Two clusters a plane separates with a wide margin, scaled so that one step of lr=1 sends the
    logits into the thousands, all on the right side (the oracle's checks hold this of seed 8)."""
    y = (rng.random(n) < 0.4).astype(np.int64)
    X = (rng.normal(size=(n, 3)) + np.outer(2 * y - 1, [2.5, 1.0, -1.5]) + [0.5, 0.0, 0.0]) * scale
    return X, y


# -- the worked example --------------------------------------------------------

@pytest.mark.catches("assigned-not-subtracted", "no-mean-over-samples", "mse-gradient", "random-init",
                     "labels-broadcast-against-column")
def test_worked_example_one_step(case):
    case.same("fit", WORKED_X, WORKED_Y, n_epochs=1)


@pytest.mark.catches("sigmoid-sign-error", "assigned-not-subtracted", "no-mean-over-samples", "mse-gradient")
def test_worked_example(case):
    case.same("fit", WORKED_X, WORKED_Y)


@pytest.mark.catches("sigmoid-sign-error")
def test_worked_example_predict_proba(case):
    case.same("predict_proba", WORKED_X, WORKED_W, bias(case, WORKED_B))


@pytest.mark.catches("sigmoid-sign-error")
def test_worked_example_predict(case):
    case.same("predict", WORKED_X, WORKED_W, bias(case, WORKED_B))


# -- fit -----------------------------------------------------------------------

BATCHES = pytest.mark.catches("no-mean-over-samples", "labels-broadcast-against-column")


# One sample: the sum is the mean, and (1, 1) - (1,) is (1, 1); the others catch those two.
@pytest.mark.catches("sigmoid-sign-error", "mse-gradient")
@pytest.mark.parametrize("n, d, lr, n_epochs", [
    pytest.param(1, 1, 0.1, 100, id="1x1"),
    pytest.param(1, 4, 0.2, 30, id="1x4"),
    pytest.param(9, 1, 0.3, 50, id="9x1", marks=BATCHES),
    pytest.param(30, 4, 0.1, 100, id="30x4", marks=BATCHES),
    pytest.param(12, 20, 0.05, 40, id="12x20", marks=BATCHES),
])
def test_fit_shapes(case, n, d, lr, n_epochs):
    X, y = blobs(case.rng(n * 100 + d), n, d)
    case.same("fit", X, y, lr=lr, n_epochs=n_epochs)


def test_fit_defaults(case):
    X, y = blobs(case.rng(2), 40, 3)
    case.same("fit", X, y)


def test_fit_positional_arguments(case):
    X, y = blobs(case.rng(3), 15, 2)
    case.same("fit", X, y, 0.25, 20)


def test_fit_float_labels(case):
    # The same 0/1 labels as float64 (float32 on the torch track).
    X, y = blobs(case.rng(4), 20, 3)
    case.same("fit", X, y.astype(np.float64), lr=0.2, n_epochs=60)


@pytest.mark.catches("random-init")
def test_fit_zero_epochs(case):
    X, y = blobs(case.rng(5), 6, 3)
    w, b = case.run("fit", X, y, n_epochs=0)
    case.require(np.all(np.asarray(w) == 0) and float(b) == 0.0,
                 "fit(X, y, n_epochs=0) must return where it starts: w = 0 (zeros of shape (D,)) and b = 0")


def test_fit_zero_epochs_values(case):
    X, y = blobs(case.rng(5), 6, 3)
    case.same("fit", X, y, n_epochs=0)


def test_fit_imbalanced_labels_move_the_bias(case):
    # Nine positives in ten and features centred on 0: the bias carries the base rate.
    rng = case.rng(6)
    X = rng.normal(size=(30, 2))
    y = (np.arange(30) % 10 != 0).astype(np.int64)
    case.same("fit", X, y, lr=0.5, n_epochs=80)


def test_fit_feature_offsets(case):
    # Features far from 0 (a mean of 3, not standardised): the step still stays below 2 / L.
    X, y = blobs(case.rng(7), 25, 2)
    case.same("fit", X + 3.0, y, lr=0.05, n_epochs=100)


@pytest.mark.catches("sigmoid-overflows", "sigmoid-overflow-warning", "sigmoid-sign-error")
def test_fit_separable_logits_in_the_thousands(case):
    X, y = separable(case.rng(8))
    case.same("fit", X, y, lr=1.0, n_epochs=60)


def test_fit_separable_weights_keep_growing(case):
    # Separable data at a safe step: the loss keeps falling by growing w, never reaching a minimum.
    X, y = separable(case.rng(9), n=16, scale=0.5)
    w_short, _ = case.same("fit", X, y, lr=0.5, n_epochs=50)
    w_long, _ = case.same("fit", X, y, lr=0.5, n_epochs=300)
    case.require(np.linalg.norm(w_long) > np.linalg.norm(w_short),
                 "on separable data the weights must keep growing with more epochs")


def test_fit_then_predict_fits_the_training_data(case):
    X, y = separable(case.rng(10), n=40, scale=0.5)
    w, b = case.run("fit", X, y, lr=0.5, n_epochs=100)
    labels = case.expected("predict", X, w, bias(case, b))
    accuracy = float(np.mean(labels == y))
    case.require(accuracy >= 0.95,
                 f"after fit on separable data, the reference's predict with your (w, b) gets only "
                 f"{accuracy:.0%} of the training labels right: the steps climb the loss instead of descending it")


# -- predict_proba -------------------------------------------------------------

@pytest.mark.catches("sigmoid-sign-error")
@pytest.mark.parametrize("n, d", [(1, 1), (5, 3), (40, 6)], ids=["1x1", "5x3", "40x6"])
def test_predict_proba_shapes(case, n, d):
    rng = case.rng(20 + n)
    case.same("predict_proba", rng.normal(size=(n, d)) * 2.0, rng.normal(size=d), bias(case, rng.normal()))


@pytest.mark.catches("sigmoid-overflows", "sigmoid-overflow-warning", "sigmoid-sign-error")
def test_predict_proba_extreme_logits(case):
    # Logits 1000.5, -999.5, 50.5, -299.5 and 1.5: past exp's overflow both ways.
    X = np.array([[10.0, 2.0], [-10.0, -2.0], [0.5, -0.25], [-3.0, 7.0], [0.01, 0.0]])
    case.same("predict_proba", X, np.array([100.0, 0.0]), bias(case, 0.5))


def test_predict_proba_symmetry(case):
    rng = case.rng(30)
    X, w, b = rng.normal(size=(8, 3)), rng.normal(size=3), rng.normal()
    p = case.run("predict_proba", X, w, bias(case, b))
    q = case.run("predict_proba", X, -w, bias(case, -b))
    case.require(bool(np.all((p >= 0) & (p <= 1))), "probabilities must lie in [0, 1]")
    case.require(np.allclose(p + q, 1.0, atol=1e-5),
                 "predict_proba(X, -w, -b) must be 1 - predict_proba(X, w, b): sigmoid(-z) = 1 - sigmoid(z)")


# -- predict -------------------------------------------------------------------

EXACT_X = np.array([[1.0, -2.0], [2.0, 1.0], [-1.0, 0.0], [0.25, -1.25], [-1.0, -1.0], [-3.0, 2.0]])
EXACT_W = np.array([0.5, 0.5])  # with b = 0.5 the logits are 0, 2, 0, 0, -0.5, 0: exact in any order


@pytest.mark.catches("sigmoid-sign-error")
@pytest.mark.parametrize("n, d", [(1, 2), (12, 3), (50, 5)], ids=["1x2", "12x3", "50x5"])
def test_predict_shapes(case, n, d):
    rng = case.rng(40 + n)
    case.same("predict", rng.normal(size=(n, d)) * 2.0, rng.normal(size=d), bias(case, rng.normal()))


@pytest.mark.parametrize("threshold", [0.3, 0.8, 0.5])
def test_predict_threshold(case, threshold):
    rng = case.rng(50)
    case.same("predict", rng.normal(size=(30, 3)) * 1.5, rng.normal(size=3), bias(case, 0.2),
              threshold=threshold)


@pytest.mark.catches("threshold-strict")
def test_predict_probability_equal_to_threshold(case):
    labels = case.run("predict", EXACT_X, EXACT_W, bias(case, 0.5))
    at_half = [0, 2, 3, 5]
    case.require(np.all(np.asarray(labels)[at_half] == 1),
                 "a probability exactly equal to the threshold must give 1 (rows with logit exactly 0 have "
                 "p = 0.5, the default threshold): compare with >=, not >")


@pytest.mark.catches("threshold-strict")
@pytest.mark.parametrize("explicit", [False, True], ids=["default", "threshold=0.5"])
def test_predict_exact_half(case, explicit):
    kwargs = {"threshold": 0.5} if explicit else {}
    case.same("predict", EXACT_X, EXACT_W, bias(case, 0.5), **kwargs)


@pytest.mark.catches("sigmoid-overflows", "sigmoid-overflow-warning", "sigmoid-sign-error")
def test_predict_extreme_logits(case):
    X = np.array([[10.0, 2.0], [-10.0, -2.0], [0.5, -0.25], [-3.0, 7.0], [0.01, 0.0]])
    case.same("predict", X, np.array([100.0, 0.0]), bias(case, 0.5))


# -- bigger inputs -------------------------------------------------------------

def test_fit_larger_batch(case):
    X, y = blobs(case.rng(60), 200, 8)
    case.same("fit", X, y, lr=0.3, n_epochs=100)


def timing_case(rng):
    X, y = blobs(rng, 4000, 16)
    return "fit", (X, y), {"lr": 0.1, "n_epochs": 100}
