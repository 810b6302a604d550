"""Hidden cases for gradient_descent.

Every gradient is that of a quadratic, f(x) = 0.5 x^T A x - b^T x, so
grad_fn(x) = A @ x - b (`case.quadratic_gradient`) and the answer is known in
closed form: the minimum is x* = A^-1 b, and after k updates the error
x_k - x* along an eigenvector of A with eigenvalue lam has been multiplied by
(1 - lr * lam)^k.

Which case catches which classic mistake:
- a tol chosen to stop the run after a known number of updates catches a
  tol that is ignored, a count that includes the stopping check, and a
  squared norm compared with tol (stopping far earlier for tol < 1, later
  for tol > 1);
- a tol already met at x0 catches a test made after the update;
- runs that end without an early stop catch a loop index returned as the
  count (n_steps - 1), and n_steps = 0 leaves that index unbound;
- gradients whose norm equals tol exactly (norms 5, 2.5, 0.25, and 0 with
  tol = 0, all exact in binary) catch <= where < is asked;
- any A other than 2I, or b other than 0, catches descent on 2x instead of
  grad_fn, and every case that makes an update catches steps that go uphill.
A tol that is not an exact tie sits halfway (in ratio) between the gradient
norms of two consecutive iterates: at least 0.25% from either, where float32
runs drift from float64 by a few parts in a million, so rounding cannot move
the stop by a step.
A mutated x0 fails every case: the engine compares x0 before and after the
call and names it as an input changed in place.
"""

import numpy as np
import pytest

from grader.confined.track_values import QuadraticGradient  # timing_case has no `case` to ask
from grader.grading.casebook import CaseFailure

EXAMPLE_A = np.array([[3.0, 1.0], [1.0, 2.0]])
EXAMPLE_B = np.array([1.0, 1.0])


def spd(rng, eigenvalues):
    """A symmetric positive definite matrix with these eigenvalues, and its eigenvectors (columns)."""
    lam = np.asarray(eigenvalues, dtype=np.float64)
    q, _ = np.linalg.qr(rng.normal(size=(lam.size, lam.size)))
    return (q * lam) @ q.T, q


def gradient_norms(A, b, x0, lr, n):
    """The gradient's norm at x_0 .. x_n, in float64."""
    x, norms = np.array(x0, dtype=np.float64), []
    for _ in range(n + 1):
        g = A @ x - b
        norms.append(np.linalg.norm(g))
        x = x - lr * g
    return np.array(norms)


def tol_stopping_after(A, b, x0, lr, k):
    """A tol met first at x_k: the geometric mean of the norms at x_{k-1} and x_k."""
    norms = gradient_norms(A, b, x0, lr, k)
    assert norms[k - 1] > 1.005 * norms[k] and (np.diff(norms) < 0).all(), "no safe margin for tol here"
    return float(np.sqrt(norms[k - 1] * norms[k]))


def descend(case, *args, **kwargs):
    """case.same on gradient_descent; where x is off because the run stopped elsewhere, say so first."""
    try:
        return case.same("gradient_descent", *args, **kwargs)
    except CaseFailure as failure:
        if failure.mismatch is None or failure.mismatch.output != "x":
            raise
        want = case.expected("gradient_descent", *args, **kwargs)[1]
        got = case.run("gradient_descent", *args, **kwargs)[1]
        if got != want:
            failure.message = (f"steps: {got}, expected {want} (before each update, stop if |grad| < tol; count "
                               f"only the updates made), so x is off too: {failure.message}")
            failure.args = (failure.message,)
        raise


def problem(case, seed, eigenvalues):
    """(grad_fn, A, b, x0, x*) for a random quadratic with these eigenvalues."""
    rng = case.rng(seed)
    A, _ = spd(rng, eigenvalues)
    b = rng.normal(size=len(eigenvalues))
    x0 = rng.normal(size=len(eigenvalues)) * 2.0
    return case.quadratic_gradient(A, b), A, b, x0, np.linalg.solve(A, b)


# -- the worked example --------------------------------------------------------

@pytest.mark.catches("wrong-sign", "gradient-of-x-squared", "loop-index-as-step-count")
def test_worked_example_two_steps(case):
    descend(case, case.quadratic_gradient(EXAMPLE_A, EXAMPLE_B), np.zeros(2), 0.25, 2)


@pytest.mark.catches("ignores-tol", "step-count-off-by-one", "squared-norm")
def test_worked_example_tol(case):
    descend(case, case.quadratic_gradient(EXAMPLE_A, EXAMPLE_B), np.zeros(2), 0.25, 100,
              tol=1e-3)


@pytest.mark.catches("non-strict-tol")
def test_worked_example_norm_equal_to_tol(case):
    # The gradient at x_1 = [0.25, 0.25] is [0, -0.25]: its norm is tol exactly, so x_1 is updated too.
    descend(case, case.quadratic_gradient(EXAMPLE_A, EXAMPLE_B), np.zeros(2), 0.25, 100,
              tol=0.25)


@pytest.mark.catches("tol-checked-after-update", "step-count-off-by-one", "ignores-tol")
def test_worked_example_tol_met_at_x0(case):
    # |grad_fn(x0)| = sqrt(2) < 2: x0 comes back untouched, after 0 steps.
    descend(case, case.quadratic_gradient(EXAMPLE_A, EXAMPLE_B), np.zeros(2), 0.25, 100,
              tol=2.0)


@pytest.mark.parametrize("tol", [None, 1e-3])
def test_x_squared(case, tol):
    # f(x) = x**2 has gradient 2x: A = [[2]], b = [0]. x_k = 10 * 0.8**k.
    descend(case, case.quadratic_gradient([[2.0]], [0.0]), np.array([10.0]), 0.1, 100, tol=tol)


# -- shapes and stopping -------------------------------------------------------

@pytest.mark.catches("wrong-sign", "gradient-of-x-squared", "loop-index-as-step-count")
@pytest.mark.parametrize("d", [1, 3, 10])
def test_runs_every_step_without_tol(case, d):
    grad_fn, A, b, x0, _ = problem(case, d, np.linspace(0.5, 3.0, d))
    descend(case, grad_fn, x0, 0.3, 20)


@pytest.mark.catches("ignores-tol", "step-count-off-by-one", "squared-norm")
@pytest.mark.parametrize("d, k", [(1, 6), (4, 9), (12, 17)])
def test_stops_once_the_gradient_is_small(case, d, k):
    grad_fn, A, b, x0, _ = problem(case, 100 + d, np.linspace(0.5, 2.0, d))
    tol = tol_stopping_after(A, b, x0, 0.4, k)
    steps = descend(case, grad_fn, x0, 0.4, 60, tol=tol)[1]
    case.require(steps == k, f"with tol={tol:.4g} the gradient's norm first drops below tol after {k} "
                             f"updates, so steps must be {k}, not {steps}")


@pytest.mark.catches("tol-checked-after-update", "step-count-off-by-one", "ignores-tol")
@pytest.mark.parametrize("d", [1, 6])
def test_tol_met_at_x0(case, d):
    grad_fn, A, b, _, x_star = problem(case, 200 + d, np.linspace(1.0, 3.0, d))
    x0 = x_star + case.rng(210 + d).normal(size=d) * 1e-3
    tol = 10 * np.linalg.norm(A @ x0 - b)
    descend(case, grad_fn, x0, 0.2, 30, tol=tol)  # (x0, 0)


@pytest.mark.catches("squared-norm", "ignores-tol")
def test_tol_above_one(case):
    # Large gradients and tol = a few units: a squared norm compared with tol stops too late.
    grad_fn, A, b, x0, _ = problem(case, 300, [1.0, 1.5, 2.5, 3.0])
    x0 = x0 * 20.0
    tol = tol_stopping_after(A, b, x0, 0.25, 8)
    descend(case, grad_fn, x0, 0.25, 40, tol=tol)


# -- the tie: a norm equal to tol does not stop ---------------------------------

@pytest.mark.catches("non-strict-tol")
@pytest.mark.parametrize("tol", [5.0, 2.5], ids=["at_x0", "at_x1"])
def test_norm_equal_to_tol(case, tol):
    # grad_fn(x) = x from x0 = [3, 4] with lr = 0.5: norms 5, 2.5, 1.25, ..., all exact.
    descend(case, case.quadratic_gradient(np.eye(2), np.zeros(2)), np.array([3.0, 4.0]), 0.5,
              10, tol=tol)


@pytest.mark.catches("non-strict-tol")
def test_zero_tol_never_stops(case):
    # With A = I and lr = 1 the first step lands exactly on x* = b, where the gradient is exactly 0:
    # no norm is below 0, so all 4 updates are made.
    descend(case, case.quadratic_gradient(np.eye(3), [1.0, -2.0, 3.0]), np.zeros(3), 1.0, 4,
              tol=0.0)


# -- arguments -----------------------------------------------------------------

@pytest.mark.catches("loop-index-as-step-count")
@pytest.mark.parametrize("tol", [None, 0.5])
def test_zero_steps(case, tol):
    grad_fn, A, b, x0, _ = problem(case, 400, [1.0, 2.0, 4.0])
    descend(case, grad_fn, x0, 0.1, 0, tol=tol)


def test_one_step(case):
    grad_fn, A, b, x0, _ = problem(case, 401, [1.0, 2.0, 4.0])
    descend(case, grad_fn, x0, 0.1, 1)


def test_tol_none_by_keyword(case):
    grad_fn, A, b, x0, _ = problem(case, 402, [0.7, 1.1, 2.9, 3.3, 5.0])
    descend(case, grad_fn, x0, 0.15, 12, tol=None)


@pytest.mark.catches("ignores-tol")
def test_all_arguments_positional(case):
    grad_fn, A, b, x0, _ = problem(case, 403, [0.7, 1.1, 2.9, 3.3, 5.0])
    descend(case, grad_fn, x0, 0.15, 80, tol_stopping_after(A, b, x0, 0.15, 11))


# -- what the closed form says ---------------------------------------------------

def test_converges_to_the_minimum(case):
    # Eigenvalues in [1, 10] and lr = 1/10: the slowest direction shrinks by 0.9 a step, 0.9**600 ~ 3e-28.
    grad_fn, A, b, x0, x_star = problem(case, 500, np.linspace(1.0, 10.0, 6))
    x, steps = descend(case, grad_fn, x0, 0.1, 600)
    case.require(np.allclose(x, x_star, rtol=1e-4, atol=1e-4),
                 "after 600 steps with lr = 1/lambda_max, x must be the minimum A^-1 b")


def test_each_eigendirection_contracts_by_one_minus_lr_lambda(case):
    rng = case.rng(501)
    lam = np.array([0.5, 1.0, 2.0, 3.0, 6.0])
    A, q = spd(rng, lam)
    b, x0 = rng.normal(size=5), rng.normal(size=5) * 3.0
    x_star = np.linalg.solve(A, b)
    lr, k = 0.3, 7  # factors 0.85, 0.7, 0.4, 0.1 and -0.8: the stiffest direction flips sign every step
    x, steps = descend(case, case.quadratic_gradient(A, b), x0, lr, k)
    predicted = x_star + q @ ((1 - lr * lam) ** k * (q.T @ (x0 - x_star)))
    case.require(np.allclose(x, predicted, rtol=1e-4, atol=1e-4),
                 "after k steps the error x - x* along each eigenvector of A must be multiplied by "
                 "(1 - lr * lambda)**k")


def test_diverges_past_two_over_lambda_max(case):
    # lr = 2.5 / lambda_max: |1 - lr * lambda_max| = 1.5, so the error grows 1.5x a step; tol is never met.
    grad_fn, A, b, x0, x_star = problem(case, 502, [0.5, 1.0, 2.0, 4.0])
    x, steps = descend(case, grad_fn, x0, 2.5 / 4.0, 30, tol=1e-3)
    case.require(np.linalg.norm(x - x_star) > 100 * np.linalg.norm(x0 - x_star),
                 "with lr > 2 / lambda_max gradient descent must diverge: keep lr fixed, do not clip the steps")


def test_oscillates_at_two_over_lambda(case):
    # f(x) = x**2 with lr = 1 = 2 / lambda: x_{k+1} = -x_k, for ever.
    descend(case, case.quadratic_gradient([[2.0]], [0.0]), np.array([3.0]), 1.0, 5, tol=1e-6)


@pytest.mark.catches("ignores-tol", "squared-norm")
def test_ill_conditioned(case):
    # Condition number 100 at lr = 1/lambda_max: the flat direction shrinks by only 0.99 a step.
    grad_fn, A, b, x0, _ = problem(case, 503, np.geomspace(0.05, 5.0, 8))
    descend(case, grad_fn, x0, 0.2, 300, tol=tol_stopping_after(A, b, x0, 0.2, 150))


def timing_case(rng):
    # D = 100 keeps torch's matrix-vector product on one thread: past about 128 it forks threads,
    # whose handover costs more than the product on a busy 2-core machine.
    A, _ = spd(rng, np.linspace(1.0, 10.0, 100))
    return "gradient_descent", (QuadraticGradient(A, rng.normal(size=100)), rng.normal(size=100), 0.1, 1000), {}
