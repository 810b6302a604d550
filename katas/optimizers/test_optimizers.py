"""Hidden cases for the optimizer steps.

Every case is a trajectory (`case.rollout`): the worker runs the step
function 100 times (or as many as said) on f(x) = 0.5 x^T A x - b^T x from
x0, starting from an empty state dict and feeding each step the parameter
the last one returned and the gradient A @ x - b there; every step's
parameter is compared with the reference's, and a failure says at which step
the trajectories part. A parameter or gradient changed in place is reported
with its step.

Which case catches which classic mistake:
- eps inside the square root shows only where sqrt(v) is near eps: the
  quadratics scaled by 1e-6 keep every gradient around 1e-6, where
  sqrt(v) + eps and sqrt(v + eps) are a hundred times apart or more for
  RMSprop and Adam (eps = 1e-8) and ten times for Adagrad (eps = 1e-10);
- momentum as an average, (1 - momentum) * g, shortens the very first step
  by 1 - momentum: every SGD case with momentum;
- Adam without bias correction, or with the count starting one ahead, is
  off from step 1: every Adam and AdamW case;
- AdamW's decay folded into the gradient: the AdamW cases, whose decay
  (weight_decay up to 0.5) moves the parameter by lr * wd * param, far
  beyond the tolerance.
Learning rates are moderate and 100 steps stop short of the minimum, where
Adam's normalised steps would turn float32 rounding into visible noise:
every trajectory here was checked to keep float32 runs of correct formulas
within the torch track's tolerance.
"""

import numpy as np
import pytest

from grader.confined.protocol import Rollout  # timing_case has no `case` to ask
from grader.confined.track_values import QuadraticGradient

ADAM_FAMILY = ("no-bias-correction", "step-count-off-by-one")


def spd(rng, eigenvalues):
    """A symmetric positive definite matrix with these eigenvalues."""
    lam = np.asarray(eigenvalues, dtype=np.float64)
    q, _ = np.linalg.qr(rng.normal(size=(lam.size, lam.size)))
    return (q * lam) @ q.T


def quadratic(case, seed, d, scale=1.0, kappa=6.0, columns=None):
    """(A, b, x0) for a random quadratic; `scale` multiplies A and b (so every gradient), `columns`
    makes x a (d, columns) matrix."""
    rng = case.rng(seed)
    A = spd(rng, np.geomspace(0.5, 0.5 * kappa, d))
    shape = (d,) if columns is None else (d, columns)
    return scale * A, scale * rng.normal(size=shape), rng.normal(size=shape) * 2.0


def trajectory(case, function, seed, d, steps=100, scale=1.0, kappa=6.0, columns=None, **kwargs):
    A, b, x0 = quadratic(case, seed, d, scale, kappa, columns)
    case.same(function, case.rollout(x0, A, b, steps), **kwargs)


# -- the worked example: one step each, from an empty state ----------------------

EXAMPLE_A = np.array([[2.0, 0.0], [0.0, 1.0]])
EXAMPLE_B = np.array([1.5, 0.0])
EXAMPLE_X0 = np.array([1.0, -2.0])  # gradient [0.5, -2.0]


@pytest.mark.catches("momentum-damped")
def test_worked_example_sgd_momentum(case):
    case.same("sgd_step", case.rollout(EXAMPLE_X0, EXAMPLE_A, EXAMPLE_B, 2), lr=0.1, momentum=0.9)


@pytest.mark.catches(*ADAM_FAMILY)
def test_worked_example_adam(case):
    # At step 1, m_hat = g and v_hat = g**2: each coordinate moves by lr * g / (|g| + eps), about lr.
    case.same("adam_step", case.rollout(EXAMPLE_X0, EXAMPLE_A, EXAMPLE_B, 2), lr=0.1)


# -- SGD -------------------------------------------------------------------------

def test_sgd_plain(case):
    trajectory(case, "sgd_step", 15, 5, lr=0.1)


@pytest.mark.catches("momentum-damped")
@pytest.mark.parametrize("momentum, nesterov", [(0.9, False), (0.9, True)])
def test_sgd_momentum(case, momentum, nesterov):
    trajectory(case, "sgd_step", 20, 6, lr=0.03, momentum=momentum, nesterov=nesterov)


@pytest.mark.catches("momentum-damped")
def test_sgd_weight_decay_and_momentum(case):
    trajectory(case, "sgd_step", 21, 4, lr=0.03, momentum=0.8, weight_decay=0.1)


def test_sgd_weight_decay_alone(case):
    trajectory(case, "sgd_step", 22, 3, lr=0.05, weight_decay=0.3)


@pytest.mark.catches("momentum-damped")
def test_sgd_everything_on_a_matrix(case):
    A, b, x0 = quadratic(case, 23, 4, columns=3)
    case.same("sgd_step", case.rollout(x0, A, b, 100), lr=0.02, momentum=0.7,
              weight_decay=0.05, nesterov=True)


@pytest.mark.catches("momentum-damped")
def test_sgd_momentum_ill_conditioned(case):
    # kappa = 1000: the stiff direction needs lr * lambda_max < 2 (1 + momentum).
    trajectory(case, "sgd_step", 24, 4, kappa=1000.0, lr=0.0015, momentum=0.9)


# -- Adagrad ---------------------------------------------------------------------

def test_adagrad_defaults(case):
    trajectory(case, "adagrad_step", 31, 1)


def test_adagrad_arguments(case):
    trajectory(case, "adagrad_step", 32, 4, lr=0.2, eps=1e-3)


@pytest.mark.catches("eps-inside-sqrt")
def test_adagrad_small_gradients(case):
    trajectory(case, "adagrad_step", 33, 4, scale=1e-6, lr=0.05)


# -- RMSprop ---------------------------------------------------------------------

def test_rmsprop_defaults(case):
    trajectory(case, "rmsprop_step", 45, 5)


def test_rmsprop_arguments(case):
    trajectory(case, "rmsprop_step", 42, 4, lr=0.005, alpha=0.9, eps=1e-3)


@pytest.mark.catches("eps-inside-sqrt")
def test_rmsprop_small_gradients(case):
    trajectory(case, "rmsprop_step", 43, 4, scale=1e-6, lr=0.005)


# -- Adam ------------------------------------------------------------------------

@pytest.mark.catches(*ADAM_FAMILY)
@pytest.mark.parametrize("d", [1, 6])
def test_adam_defaults(case, d):
    trajectory(case, "adam_step", 50 + d, d)


@pytest.mark.catches(*ADAM_FAMILY)
def test_adam_betas(case):
    trajectory(case, "adam_step", 53, 4, lr=0.01, betas=(0.5, 0.9))


@pytest.mark.catches(*ADAM_FAMILY)
def test_adam_weight_decay(case):
    trajectory(case, "adam_step", 54, 4, lr=0.01, weight_decay=0.1, eps=1e-6)


@pytest.mark.catches(*ADAM_FAMILY)
def test_adam_everything_on_a_matrix(case):
    A, b, x0 = quadratic(case, 55, 3, columns=2)
    case.same("adam_step", case.rollout(x0, A, b, 100), lr=0.01, betas=(0.8, 0.99),
              eps=1e-7, weight_decay=0.05)


@pytest.mark.catches(*ADAM_FAMILY)
def test_adam_ill_conditioned(case):
    trajectory(case, "adam_step", 56, 4, kappa=1000.0, lr=0.01)


@pytest.mark.catches("eps-inside-sqrt", *ADAM_FAMILY)
def test_adam_small_gradients(case):
    trajectory(case, "adam_step", 57, 4, scale=1e-6, lr=0.01)


# -- AdamW -----------------------------------------------------------------------

@pytest.mark.catches(*ADAM_FAMILY)
@pytest.mark.parametrize("d", [1, 6])
def test_adamw_defaults(case, d):
    trajectory(case, "adamw_step", 60 + d, d)


@pytest.mark.catches("adamw-decay-in-gradient", *ADAM_FAMILY)
def test_adamw_weight_decay(case):
    trajectory(case, "adamw_step", 62, 4, lr=0.01, weight_decay=2.0)


@pytest.mark.catches("adamw-decay-in-gradient", *ADAM_FAMILY)
def test_adamw_everything_on_a_matrix(case):
    A, b, x0 = quadratic(case, 63, 3, columns=2)
    case.same("adamw_step", case.rollout(x0, A, b, 100), lr=0.01, betas=(0.8, 0.99),
              eps=1e-6, weight_decay=0.5)


def test_adamw_without_decay_is_adam(case):
    trajectory(case, "adamw_step", 64, 4, lr=0.01, weight_decay=0.0)


@pytest.mark.catches("eps-inside-sqrt", "adamw-decay-in-gradient", *ADAM_FAMILY)
def test_adamw_small_gradients(case):
    trajectory(case, "adamw_step", 65, 4, scale=1e-6, lr=0.01, weight_decay=0.5)


def timing_case(rng):
    d = 400
    A = spd(rng, np.linspace(0.5, 3.0, d))
    return "adam_step", (Rollout(rng.normal(size=d), QuadraticGradient(A, rng.normal(size=d)), 100),), {"lr": 0.01}
