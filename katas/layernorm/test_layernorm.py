"""Hidden cases for LayerNorm (forward and backward) and RMSNorm.

Sizes along every axis differ from one another and from the feature size, so
statistics taken over a fixed axis 1, or parameter gradients summed over axis
0 only, give different values (or shapes) on 3-D and 4-D input. gamma, beta
and weight are random, never ones and zeros, so a forgotten gamma shows.
Rows with a standard deviation near 1e-3 have a variance comparable to eps:
that is where an eps outside the square root shows in float32.

Forward cases come first, then RMSNorm, then the backward: a learner who gets
the forward wrong is diagnosed on forward calls. Each case names the mistakes
it is there to catch with @pytest.mark.catches(...); kata validate proves
that each of them fails it.
"""

import numpy as np
import pytest


def shape_id(shape):
    return "x".join(map(str, shape))


def params(rng, d):
    """Random gamma and beta of shape (d,), away from ones and zeros."""
    gamma = rng.uniform(0.5, 1.5, size=d) * rng.choice([-1.0, 1.0], size=d)
    beta = rng.normal(size=d)
    return gamma, beta


def small_rows(rng, shape):
    """Rows whose standard deviations straddle sqrt(eps) (about 3.2e-3)."""
    scales = np.array([3e-4, 1e-3, 2e-3, 5e-3])
    row_scale = scales[np.arange(int(np.prod(shape[:-1]))) % len(scales)].reshape(*shape[:-1], 1)
    return rng.normal(size=shape) * row_scale + 1e-3 * rng.normal(size=(*shape[:-1], 1))


# -- layer_norm ---------------------------------------------------------------

def test_worked_example(case):
    x = np.array([[1.0, 2.0, 3.0, 6.0], [2.0, 2.0, 2.0, 2.0]])
    gamma = np.array([1.0, 0.5, 2.0, -1.0])
    beta = np.array([0.0, 1.0, 0.0, 0.5])
    case.same("layer_norm", x, gamma, beta)


@pytest.mark.catches("unbiased-variance")
@pytest.mark.parametrize("shape", [(3, 5), (6, 4), (4, 9)], ids=shape_id)
def test_rows(case, shape):
    rng = case.rng(sum(shape))
    gamma, beta = params(rng, shape[-1])
    case.same("layer_norm", rng.normal(1.0, 2.0, size=shape), gamma, beta)


@pytest.mark.catches("fixed-axis-1")
def test_sequences_3d(case):
    rng = case.rng(20)
    gamma, beta = params(rng, 8)
    case.same("layer_norm", rng.normal(size=(2, 5, 8)), gamma, beta)


def test_heads_4d(case):
    rng = case.rng(21)
    gamma, beta = params(rng, 6)
    case.same("layer_norm", rng.normal(size=(2, 3, 4, 6)) * 3.0 - 1.0, gamma, beta)


def test_single_vector(case):
    rng = case.rng(22)
    gamma, beta = params(rng, 7)
    case.same("layer_norm", rng.normal(size=7), gamma, beta)


@pytest.mark.catches("eps-outside-sqrt")
def test_small_variance(case):
    rng = case.rng(23)
    gamma, beta = params(rng, 12)
    case.same("layer_norm", small_rows(rng, (8, 12)), gamma, beta)


def test_small_variance_3d_explicit_eps(case):
    rng = case.rng(24)
    gamma, beta = params(rng, 10)
    case.same("layer_norm", small_rows(rng, (2, 4, 10)), gamma, beta, eps=1e-5)


def test_constant_rows(case):
    rng = case.rng(25)
    x = rng.normal(size=(5, 6))
    x[0] = 3.0
    x[2] = -0.25
    x[4] = 0.0
    gamma, beta = params(rng, 6)
    case.same("layer_norm", x, gamma, beta)


def test_custom_eps(case):
    rng = case.rng(26)
    gamma, beta = params(rng, 5)
    case.same("layer_norm", rng.normal(size=(4, 5)) * 0.2, gamma, beta, eps=1e-2)


def test_wide_rows(case):
    rng = case.rng(27)
    gamma, beta = params(rng, 384)
    case.same("layer_norm", rng.normal(size=(3, 7, 384)), gamma, beta)


# -- rms_norm -----------------------------------------------------------------

@pytest.mark.catches("rms-norm-subtracts-mean", "rms-norm-divides-by-std")
@pytest.mark.parametrize("shape", [(3, 7), (2, 4, 6), (2, 3, 5, 4)], ids=shape_id)
def test_rms_norm(case, shape):
    rng = case.rng(30 + len(shape))
    weight, _ = params(rng, shape[-1])
    case.same("rms_norm", rng.normal(0.5, 1.0, size=shape), weight)


def test_rms_norm_small_values(case):
    rng = case.rng(34)
    weight, _ = params(rng, 9)
    x = rng.normal(size=(6, 9)) * np.array([3e-4, 1e-3, 2e-3, 3e-4, 1e-3, 2e-3])[:, None]
    case.same("rms_norm", x, weight)


def test_rms_norm_constant_and_zero_rows(case):
    rng = case.rng(35)
    x = rng.normal(size=(4, 5))
    x[1] = 2.0
    x[3] = 0.0
    weight, _ = params(rng, 5)
    case.same("rms_norm", x, weight)


def test_rms_norm_custom_eps(case):
    rng = case.rng(36)
    weight, _ = params(rng, 6)
    case.same("rms_norm", rng.normal(size=(3, 6)) * 0.1, weight, eps=1e-2)


# -- layer_norm_backward ------------------------------------------------------

def test_backward_worked_example(case):
    x = np.array([[1.0, 2.0, 3.0, 6.0], [2.0, 0.0, 1.0, -1.0]])
    gamma = np.array([1.0, 0.5, 2.0, -1.0])
    dout = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 1.0, 0.0]])
    case.same("layer_norm_backward", dout, x, gamma)


@pytest.mark.catches("dx-ignores-statistics", "dx-misses-variance-term", "dx-forgets-gamma")
@pytest.mark.parametrize("shape", [(5, 8), (7, 3)], ids=shape_id)
def test_backward_rows(case, shape):
    rng = case.rng(40 + shape[0])
    gamma, _ = params(rng, shape[-1])
    x = rng.normal(0.5, 1.5, size=shape)
    case.same("layer_norm_backward", rng.normal(size=shape), x, gamma)


@pytest.mark.catches("param-grads-axis-0")
def test_backward_3d(case):
    rng = case.rng(50)
    gamma, _ = params(rng, 6)
    x = rng.normal(size=(2, 5, 6))
    case.same("layer_norm_backward", rng.normal(size=x.shape), x, gamma)


def test_backward_4d(case):
    rng = case.rng(51)
    gamma, _ = params(rng, 5)
    x = rng.normal(size=(2, 3, 4, 5))
    case.same("layer_norm_backward", rng.normal(size=x.shape), x, gamma)


def test_backward_single_vector(case):
    rng = case.rng(52)
    gamma, _ = params(rng, 6)
    x = rng.normal(size=6)
    case.same("layer_norm_backward", rng.normal(size=6), x, gamma)


def test_backward_small_variance(case):
    rng = case.rng(53)
    gamma, _ = params(rng, 10)
    x = small_rows(rng, (8, 10))
    case.same("layer_norm_backward", rng.normal(size=x.shape), x, gamma)


def test_backward_constant_rows(case):
    rng = case.rng(54)
    x = rng.normal(size=(4, 7))
    x[1] = 1.5
    gamma, _ = params(rng, 7)
    case.same("layer_norm_backward", rng.normal(size=x.shape), x, gamma)


def test_backward_custom_eps(case):
    rng = case.rng(55)
    gamma, _ = params(rng, 6)
    x = rng.normal(size=(2, 3, 6)) * 0.2
    case.same("layer_norm_backward", rng.normal(size=x.shape), x, gamma, eps=1e-2)


def test_backward_wide_rows(case):
    rng = case.rng(56)
    gamma, _ = params(rng, 256)
    x = rng.normal(size=(4, 9, 256))
    case.same("layer_norm_backward", rng.normal(size=x.shape), x, gamma)


def timing_case(rng):
    gamma = rng.uniform(0.5, 1.5, size=1024)
    beta = rng.normal(size=1024)
    return "layer_norm", (rng.normal(size=(16, 256, 1024)), gamma, beta), {}
