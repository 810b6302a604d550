"""Hidden cases for linear regression: the closed-form fit, gradient descent, predict.

Which case catches which classic mistake:
- every fit has a nonzero intercept (and most have features whose mean is not
  0), so a fit without one is off in b and in w;
- two badly conditioned designs catch the normal equations, inverted or
  solved. Forming A^T A squares cond(A), so the cases pick cond(A = [X, 1])
  where a least-squares solver (lstsq, QR, SVD) keeps far more digits than
  the tolerance asks and A^T A keeps almost none: 8.3e6 and 1.1e7 in
  float64, judged at the track's tolerance, and 2.5e3 and 5.3e3 in float32,
  judged at rtol = atol = 3e-3 (a float32 solver loses about cond(A) * 6e-8
  relative to the exact fit of the float32 data, A^T A about
  cond(A)^2 * 6e-8). Measured over eleven correct solvers (NumPy) and eleven
  (PyTorch, float32), the worst error is 1/450 of the tolerance in float64
  and 1/30 in float32; the normal-equation variants tried (inverse, solve,
  Cholesky, pinv of A^T A, the ones column first or last, a centred inverse:
  eight in NumPy, six in PyTorch) are at least 120 and 79 times the
  tolerance away. The data are exactly linear, so the
  answer is well determined however ill-conditioned A is;
- gradient descent stops short of the minimum (few epochs or a small lr), so
  the length of every step shows: the factor 2 and the 1/N of the gradient;
  a large N makes a summed gradient diverge;
- a run long enough to converge catches an (N, N) residual, which heads for
  w = 0 and b = mean(y); n_epochs = 0 catches a start other than zeros.
Each case names the mistakes it is there to catch with
@pytest.mark.catches(...); kata validate proves that each of them fails it.
"""

import numpy as np
import pytest

NORMAL = ("explicit-inverse", "normal-equations-solve")
STEP = ("gradient-missing-2", "gradient-missing-1-over-n", "residual-broadcast-n-by-n", "random-init")


def linear_data(rng, n, d, noise=0.1, x_mean=1.0):
    """Features around x_mean with unequal scales, y linear in them plus an intercept and noise."""
    X = x_mean + rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d)
    w = rng.choice([-1.0, 1.0], size=d) * rng.uniform(0.5, 2.0, size=d)
    b = rng.uniform(1.0, 3.0)
    return X, X @ w + b + noise * rng.normal(size=n)


def scalar_b(case, b):
    """b as the track takes it: a Python float (NumPy), a 0-d tensor (PyTorch)."""
    return float(b) if case.track == "numpy" else np.array(b)


def ill_conditioned_tolerance(case):
    return {} if case.track == "numpy" else {"rtol": 3e-3, "atol": 3e-3}


def collinear(case):
    """Two features that differ by `delta` times noise, y exactly linear in all of them.

    cond([X, 1]): 8.3e6 in float64 (delta = 3e-7), 2.5e3 in float32 (delta = 1e-3).
    """
    rng = case.rng(2)
    delta = 3e-7 if case.track == "numpy" else 1e-3
    X = rng.normal(size=(30, 4))
    X[:, 1] = X[:, 0] + delta * rng.normal(size=30)
    w = rng.choice([-1.0, 1.0], size=4) * rng.uniform(1.0, 2.0, size=4)
    return X, X @ w + rng.uniform(-1.0, 1.0)


def polynomial(case):
    """Monomial features x, x^2, ..., x^k of x in [0, 1], y exactly a polynomial.

    cond([X, 1]): 1.1e7 in float64 (k = 9), 5.3e3 in float32 (k = 5).
    """
    rng = case.rng(1)
    k = 9 if case.track == "numpy" else 5
    x = np.sort(rng.uniform(0.0, 1.0, size=30))
    X = x[:, None] ** np.arange(1, k + 1)
    w = rng.choice([-1.0, 1.0], size=k) * rng.uniform(1.0, 2.0, size=k)
    return X, X @ w + rng.uniform(-1.0, 1.0)


# -- the worked example --------------------------------------------------------

WORKED_X = np.array([[0.0], [1.0], [2.0], [3.0]])
WORKED_Y = np.array([1.0, 3.0, 4.0, 8.0])


@pytest.mark.catches("no-intercept")
def test_worked_example(case):
    case.same("fit_normal_equation", WORKED_X, WORKED_Y)


@pytest.mark.catches("gradient-missing-2", "gradient-missing-1-over-n", "no-intercept")
@pytest.mark.parametrize("n_epochs", [1, 2])
def test_worked_example_gradient_descent(case, n_epochs):
    case.same("fit_gradient_descent", WORKED_X, WORKED_Y, 0.1, n_epochs)


def test_worked_example_predict(case):
    case.same("predict", WORKED_X, np.array([2.2]), scalar_b(case, 0.7))


# -- fit_normal_equation -------------------------------------------------------

@pytest.mark.catches("no-intercept")
@pytest.mark.parametrize("n, d", [(2, 1), (6, 1), (12, 3), (5, 4), (40, 6)],
                         ids=lambda v: str(v))
def test_fit(case, n, d):
    # (2, 1) and (5, 4) have exactly as many samples as coefficients: the fit interpolates.
    X, y = linear_data(case.rng(10 * n + d), n, d)
    case.same("fit_normal_equation", X, y)


@pytest.mark.catches("no-intercept")
def test_fit_far_from_origin(case):
    # Features around 5 and a large intercept: through the origin is far off.
    X, y = linear_data(case.rng(11), 25, 2, noise=0.5, x_mean=5.0)
    case.same("fit_normal_equation", X, y + 20.0)


def test_fit_centred_data(case):
    X, y = linear_data(case.rng(12), 30, 3, noise=1.0, x_mean=0.0)
    case.same("fit_normal_equation", X - X.mean(axis=0), y)


@pytest.mark.catches("no-intercept")
def test_residuals_sum_to_zero(case):
    # The least-squares residual is orthogonal to every column of [X, 1]: to the
    # ones column (the residuals sum to 0) and to each feature.
    X, y = linear_data(case.rng(13), 20, 3, noise=0.5, x_mean=2.0)
    w, b = case.run("fit_normal_equation", X, y)
    r = y - (X @ np.asarray(w, dtype=float) + float(b))
    scale = 1e-6 if case.track == "numpy" else 1e-3
    case.require(abs(r.sum()) <= scale * np.abs(y).sum(),
                 f"the residuals y - (X @ w + b) sum to {r.sum():.4g}, not 0: a least-squares fit with an "
                 "intercept leaves residuals that sum to 0 (is the column of ones missing?)")
    case.require(np.abs(X.T @ r).max() <= scale * np.abs(X).sum(axis=0).max() * np.abs(y).max(),
                 "the residual is not orthogonal to the features (X^T r != 0): this is not the least-squares fit")


@pytest.mark.catches(*NORMAL)
def test_ill_conditioned_collinear_features(case):
    X, y = collinear(case)
    case.same("fit_normal_equation", X, y, **ill_conditioned_tolerance(case))


@pytest.mark.catches(*NORMAL)
def test_ill_conditioned_polynomial_features(case):
    X, y = polynomial(case)
    case.same("fit_normal_equation", X, y, **ill_conditioned_tolerance(case))


# -- fit_gradient_descent ------------------------------------------------------

def test_zero_epochs(case):
    X, y = linear_data(case.rng(20), 8, 3)
    case.same("fit_gradient_descent", X, y, 0.1, 0)


@pytest.mark.catches("random-init")
def test_zero_epochs_is_the_start(case):
    X, y = linear_data(case.rng(21), 6, 4)
    w, b = case.run("fit_gradient_descent", X, y, 0.05, 0)
    case.require(np.all(np.asarray(w) == 0) and float(b) == 0.0,
                 "with n_epochs = 0 no step is taken, so w and b must be the zeros gradient descent starts "
                 f"from; got w = {np.round(np.asarray(w, dtype=float), 4).tolist()}, b = {float(b):.4g}",
                 means="random-init")


@pytest.mark.catches(*STEP)
def test_first_step(case):
    # One step from zeros: r = -y, so w = lr * (2 / N) * X^T y and b = lr * 2 * mean(y).
    X, y = linear_data(case.rng(22), 10, 2, x_mean=0.5)
    lr = 0.05
    w, b = case.run("fit_gradient_descent", X, y, lr, 1)
    w = np.asarray(w, dtype=float)
    want = lr * (2.0 / len(y)) * X.T @ y
    told, means = "check the gradient and the start", None
    if np.allclose(w, 0.5 * want, rtol=1e-3, atol=1e-5):
        told = "half the right length: the gradient of mean(r**2) is (2 / N) X^T r, with a factor 2"
        means = "gradient-missing-2"
    elif np.allclose(w, len(y) * want, rtol=1e-3, atol=1e-5):
        told = f"N = {len(y)} times too long: the gradient was summed over the samples, not averaged"
        means = "gradient-missing-1-over-n"
    elif np.allclose(w, lr * (2.0 / len(y)) * X.T @ np.full_like(y, y.mean()), rtol=1e-3, atol=1e-5):
        told = ("the step of a model fitted to mean(y): an (N, 1) prediction minus y of shape (N,) is an "
                "(N, N) residual, every prediction against every target")
        means = "residual-broadcast-n-by-n"
    case.require(np.allclose(w, want, rtol=1e-3, atol=1e-5),
                 f"after one step from w = 0, w should be lr * (2 / N) * X.T @ y = "
                 f"{np.round(want, 5).tolist()}; got {np.round(w, 5).tolist()}, {told}", means=means)
    case.require(abs(float(b) - lr * 2.0 * y.mean()) <= 1e-3 * abs(lr * 2.0 * y.mean()),
                 f"after one step from b = 0, b should be lr * 2 * mean(y) = {lr * 2.0 * y.mean():.5g}; "
                 f"got {float(b):.5g}")


@pytest.mark.catches(*STEP)
@pytest.mark.parametrize("n, d, lr, n_epochs", [(6, 1, 0.05, 5), (20, 3, 0.1, 10), (12, 5, 0.02, 25)],
                         ids=lambda v: str(v))
def test_gradient_descent(case, n, d, lr, n_epochs):
    X, y = linear_data(case.rng(30 + n), n, d, x_mean=0.5)
    case.same("fit_gradient_descent", X, y, lr, n_epochs)


@pytest.mark.catches("gradient-missing-2", "random-init")
def test_single_sample(case):
    # N = 1: nothing to broadcast, and the sum over the samples is their mean.
    X, y = linear_data(case.rng(40), 1, 3)
    case.same("fit_gradient_descent", X, y, 0.05, 3)


@pytest.mark.catches("gradient-missing-1-over-n")
def test_many_samples(case):
    # With N = 200, a summed gradient is 200 times too large at this lr: it diverges.
    X, y = linear_data(case.rng(41), 200, 4, x_mean=0.0)
    case.same("fit_gradient_descent", X, y, 0.05, 30)


@pytest.mark.catches("residual-broadcast-n-by-n")
def test_converges_to_least_squares(case):
    X, y = linear_data(case.rng(42), 40, 3, noise=0.3, x_mean=0.0)
    w, b = case.run("fit_gradient_descent", X, y, 0.1, 300)
    w_ls, b_ls = case.expected("fit_normal_equation", X, y)
    w, b = np.asarray(w, dtype=float), float(b)
    if np.abs(w).max() < 0.05 * np.abs(w_ls).max() and abs(b - y.mean()) < 0.05 * abs(y.mean()):
        case.require(False, f"after 300 epochs w = {np.round(w, 4).tolist()} and b = {b:.4g} = mean(y): the fit "
                            "ignores X. An (N, 1) prediction minus y of shape (N,) broadcasts to an (N, N) "
                            "residual, whose mean square compares every prediction with the mean of y",
                     means="residual-broadcast-n-by-n")
    case.require(np.allclose(w, w_ls, rtol=1e-3, atol=1e-3) and abs(b - float(b_ls)) <= 1e-3 * (1 + abs(b_ls)),
                 f"after 300 epochs at lr = 0.1 gradient descent should reach the least-squares fit "
                 f"w = {np.round(w_ls, 4).tolist()}, b = {float(b_ls):.4g}; got w = {np.round(w, 4).tolist()}, "
                 f"b = {b:.4g}")


@pytest.mark.catches("residual-broadcast-n-by-n", "gradient-missing-2")
def test_long_run_small_lr(case):
    X, y = linear_data(case.rng(43), 50, 2, noise=0.5, x_mean=1.0)
    case.same("fit_gradient_descent", X, y, 0.01, 60)


# -- predict -------------------------------------------------------------------

@pytest.mark.catches("no-intercept")
@pytest.mark.parametrize("n, d", [(1, 1), (7, 3), (40, 10)], ids=lambda v: str(v))
def test_predict(case, n, d):
    rng = case.rng(50 + n)
    X = rng.normal(size=(n, d))
    case.same("predict", X, rng.normal(size=d), scalar_b(case, rng.uniform(1.0, 3.0)))


def test_predict_with_fitted_coefficients(case):
    X, y = linear_data(case.rng(60), 15, 3)
    w, b = case.expected("fit_normal_equation", X, y)
    case.same("predict", linear_data(case.rng(61), 9, 3)[0], np.asarray(w, dtype=float), scalar_b(case, b))


def timing_case(rng):
    X, y = linear_data(rng, 8000, 40)
    return "fit_normal_equation", (X, y), {}
