"""Hidden cases for BatchNorm: the forward in training and in eval, and the backward.

Batch sizes differ from the feature counts, so statistics over the wrong axis
give other shapes. gamma and beta are random, never ones and zeros, and the
running statistics are random and far from the batch's own, so that eval with
batch statistics, or a reversed momentum, shows in every value. Features whose
variance is around 1e-6 (eps is 1e-5) are where an eps outside the square
root shows, in float32 as well; their means are small, so float32 does not
lose the spread to cancellation.

Training cases come first, then eval, then the backward: a learner who gets the
forward wrong is diagnosed on forward calls. A training batch of one sample
has no unbiased variance and must raise ValueError, as nn.BatchNorm1d does;
the backward of such a batch is outside the contract and is not tested.
"""

import numpy as np
import pytest


def shape_id(shape):
    return "x".join(map(str, shape))


def params(rng, d):
    """gamma, beta, running_mean, running_var of shape (d,), away from the defaults and the batch."""
    gamma = rng.uniform(0.5, 1.5, size=d) * rng.choice([-1.0, 1.0], size=d)
    beta = rng.normal(size=d)
    running_mean = rng.normal(-1.0, 1.0, size=d)
    running_var = rng.uniform(0.2, 3.0, size=d)
    return gamma, beta, running_mean, running_var


def batch(rng, shape):
    """Features with their own means and spreads."""
    return rng.normal(size=shape) * rng.uniform(0.5, 3.0, size=shape[1]) + rng.normal(0.5, 1.0, size=shape[1])


def small_columns(rng, shape):
    """Features whose standard deviations straddle sqrt(eps) (about 3.2e-3): variances near eps."""
    scales = np.array([3e-4, 1e-3, 2e-3, 5e-3])[np.arange(shape[1]) % 4]
    return rng.normal(size=shape) * scales + 1e-3 * rng.normal(size=shape[1])


WORKED_X = np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 1.0], [3.0, 3.0]])
WORKED_PARAMS = (np.array([1.0, 2.0]), np.array([0.0, -1.0]))


# -- training -----------------------------------------------------------------

def test_worked_example_training(case):
    case.same("batchnorm_forward", WORKED_X, *WORKED_PARAMS, np.zeros(2), np.ones(2), True)


@pytest.mark.catches("unbiased-variance-normalising", "biased-running-variance", "momentum-reversed",
                     "statistics-over-features")
@pytest.mark.parametrize("shape", [(5, 3), (8, 6), (16, 4)], ids=shape_id)
def test_training(case, shape):
    rng = case.rng(sum(shape))
    case.same("batchnorm_forward", batch(rng, shape), *params(rng, shape[1]), True)


def test_training_one_feature(case):
    rng = case.rng(1)
    case.same("batchnorm_forward", batch(rng, (7, 1)), *params(rng, 1), True)


def test_training_batch_of_two(case):
    rng = case.rng(2)
    case.same("batchnorm_forward", batch(rng, (2, 5)), *params(rng, 5), True)


def test_training_momentum_and_eps(case):
    rng = case.rng(3)
    case.same("batchnorm_forward", batch(rng, (6, 4)), *params(rng, 4), True, 0.3, 1e-3)


def test_training_momentum_as_keyword(case):
    rng = case.rng(4)
    case.same("batchnorm_forward", batch(rng, (9, 3)), *params(rng, 3), training=True, momentum=0.01)


def test_training_momentum_one(case):
    rng = case.rng(5)
    case.same("batchnorm_forward", batch(rng, (4, 3)), *params(rng, 3), True, momentum=1.0)


@pytest.mark.catches("eps-outside-sqrt")
def test_training_small_variance(case):
    rng = case.rng(6)
    case.same("batchnorm_forward", small_columns(rng, (12, 8)), *params(rng, 8), True)


def test_training_constant_feature(case):
    rng = case.rng(7)
    x = batch(rng, (6, 4))
    x[:, 1] = 2.5  # zero variance: x_hat is 0, the output is beta
    case.same("batchnorm_forward", x, *params(rng, 4), True)


def test_training_several_steps(case):
    """The layer's own loop: each step is fed the running statistics it returned."""
    rng = case.rng(8)
    gamma, beta, running_mean, running_var = params(rng, 5)
    for _ in range(4):
        out, running_mean, running_var = case.same(
            "batchnorm_forward", batch(rng, (6, 5)), gamma, beta, running_mean, running_var, True, 0.2)


def test_training_batch_of_one_raises(case):
    rng = case.rng(9)
    case.raises("batchnorm_forward", "ValueError", batch(rng, (1, 4)), *params(rng, 4), True,
                why="a training batch of one sample (its unbiased variance is 0/0)")


# -- eval ---------------------------------------------------------------------

def test_worked_example_eval(case):
    running_mean, running_var = np.array([0.3, 0.3]), np.array([7 / 6, 41 / 30])
    case.same("batchnorm_forward", WORKED_X, *WORKED_PARAMS, running_mean, running_var, False)


@pytest.mark.catches("batch-stats-in-eval", "eval-updates-running-stats")
@pytest.mark.parametrize("shape", [(6, 4), (10, 3)], ids=shape_id)
def test_eval(case, shape):
    rng = case.rng(20 + shape[0])
    case.same("batchnorm_forward", batch(rng, shape), *params(rng, shape[1]), False)


def test_eval_batch_of_one(case):
    rng = case.rng(22)
    case.same("batchnorm_forward", batch(rng, (1, 6)), *params(rng, 6), False)


def test_eval_small_running_variance(case):
    rng = case.rng(23)
    gamma, beta, running_mean, _ = params(rng, 8)
    running_var = np.array([1e-7, 1e-6, 4e-6, 2.5e-5] * 2)
    x = running_mean + rng.normal(size=(5, 8)) * np.sqrt(running_var)
    case.same("batchnorm_forward", x, gamma, beta, running_mean, running_var, False)


def test_eval_momentum_and_eps(case):
    rng = case.rng(24)
    case.same("batchnorm_forward", batch(rng, (5, 3)), *params(rng, 3), False, momentum=0.5, eps=1e-2)


def test_training_then_eval(case):
    rng = case.rng(25)
    gamma, beta, running_mean, running_var = params(rng, 4)
    _, running_mean, running_var = case.same(
        "batchnorm_forward", batch(rng, (8, 4)), gamma, beta, running_mean, running_var, True)
    case.same("batchnorm_forward", batch(rng, (3, 4)), gamma, beta, running_mean, running_var, False)


# -- backward -----------------------------------------------------------------

def test_backward_worked_example(case):
    dout = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [-1.0, 1.0]])
    case.same("batchnorm_backward", dout, WORKED_X, WORKED_PARAMS[0])


@pytest.mark.catches("dx-ignores-statistics", "dx-misses-variance-term")
@pytest.mark.parametrize("shape", [(6, 4), (10, 3)], ids=shape_id)
def test_backward(case, shape):
    rng = case.rng(40 + shape[0])
    x = batch(rng, shape)
    case.same("batchnorm_backward", rng.normal(size=shape), x, params(rng, shape[1])[0])


def test_backward_one_feature(case):
    rng = case.rng(41)
    case.same("batchnorm_backward", rng.normal(size=(7, 1)), batch(rng, (7, 1)), params(rng, 1)[0])


def test_backward_batch_of_two(case):
    rng = case.rng(42)
    case.same("batchnorm_backward", rng.normal(size=(2, 5)), batch(rng, (2, 5)), params(rng, 5)[0])


def test_backward_small_variance(case):
    rng = case.rng(43)
    x = small_columns(rng, (12, 8))
    # dx reaches several hundred here (inv_std is near 1 / sqrt(eps)) and float32 formulas
    # that are all correct differ by up to about 1e-4 in its smallest entries.
    atol = 1e-3 if case.track == "torch" else None
    case.same("batchnorm_backward", rng.normal(size=x.shape), x, params(rng, 8)[0], atol=atol)


def test_backward_constant_feature(case):
    rng = case.rng(44)
    x = batch(rng, (5, 4))
    x[:, 2] = -1.0
    case.same("batchnorm_backward", rng.normal(size=x.shape), x, params(rng, 4)[0])


def test_backward_custom_eps(case):
    rng = case.rng(45)
    x = batch(rng, (6, 3)) * 0.1
    case.same("batchnorm_backward", rng.normal(size=x.shape), x, params(rng, 3)[0], eps=1e-2)


def test_backward_wide(case):
    rng = case.rng(46)
    x = batch(rng, (64, 96))
    case.same("batchnorm_backward", rng.normal(size=x.shape), x, params(rng, 96)[0])


def timing_case(rng):
    d = 1024
    gamma, beta = rng.uniform(0.5, 1.5, size=d), rng.normal(size=d)
    return "batchnorm_forward", (rng.normal(size=(2048, d)), gamma, beta, np.zeros(d), np.ones(d), True), {}
