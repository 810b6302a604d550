"""Hidden cases for softmax and log_softmax.

Which case catches which classic mistake:
- 1-D cases pass for a softmax normalised over the whole array or one that
  ignores its axis; the 2-D and 3-D cases with the default axis catch the
  first, those with any other axis catch the second.
- temperatures 0.5 and 2.0 catch a temperature that multiplies; a high
  temperature on widely spread slices catches one applied after exp
  (exp(x - max) ** (1 / T) underflows before the power);
- logits near +1000 and -1000 (past exp's overflow and underflow in the
  track's precision) catch a missing max-subtraction; rows at different
  offsets catch a shift by the maximum of the whole array, which leaves the
  rows far below it with nothing but underflowed exps;
- slices whose entries lie further apart than the smallest float's log
  (about 745 in float64, 103 in float32) catch log(softmax(x)).
Each case names the mistakes it is there to catch with
@pytest.mark.catches(...); kata validate proves that each of them fails it.
The axis goes by keyword under the track's name (axis for NumPy, dim for
PyTorch), as the catalogue's signatures say.
"""

import numpy as np
import pytest

BOTH = ["softmax", "log_softmax"]


def along(case, axis):
    return {"axis": axis} if case.track == "numpy" else {"dim": axis}


def far(case):
    """A logit offset past exp's overflow: 1000 in float64; in float32, where
    exp overflows past 88, 150 keeps the inputs' rounding (half a unit in the
    last place) below the float32 tolerance."""
    return 1000.0 if case.track == "numpy" else 150.0


def spread(case):
    """A scale for normal logits whose slices span more than -log(smallest
    float): about 745 in float64, 103 in float32."""
    return 600.0 if case.track == "numpy" else 100.0


# -- the worked example --------------------------------------------------------

def test_worked_example(case):
    case.same("softmax", np.array([3.0, 1.0]))


def test_worked_example_log(case):
    case.same("log_softmax", np.array([3.0, 1.0]))


@pytest.mark.parametrize("temperature", [2.0, 0.5])
def test_worked_example_temperature(case, temperature):
    case.same("softmax", np.array([3.0, 1.0]), temperature=temperature)


# -- shapes and axes -----------------------------------------------------------

@pytest.mark.parametrize("fn", BOTH)
@pytest.mark.parametrize("n", [1, 5, 12])
def test_vector(case, fn, n):
    case.same(fn, case.rng(n).normal(size=n) * 3.0)


@pytest.mark.catches("normalised-over-whole-array")
@pytest.mark.parametrize("fn", BOTH)
def test_matrix_rows(case, fn):
    case.same(fn, case.rng(20).normal(size=(4, 7)) * 2.0)


@pytest.mark.parametrize("fn", BOTH)
@pytest.mark.parametrize("axis", [0, 1, -1, -2])
def test_matrix_axis(case, fn, axis):
    case.same(fn, case.rng(21).normal(size=(5, 3)) * 2.0, **along(case, axis))


@pytest.mark.parametrize("fn", BOTH)
@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3])
def test_3d_axis(case, fn, axis):
    case.same(fn, case.rng(22).normal(size=(2, 3, 4)) * 2.0, **along(case, axis))


# -- temperature ---------------------------------------------------------------

def test_temperature_one_is_plain_softmax(case):
    case.same("softmax", case.rng(30).normal(size=(3, 4)), temperature=1.0)


@pytest.mark.catches("temperature-multiplied")
@pytest.mark.parametrize("temperature", [0.5, 2.0])
def test_temperature(case, temperature):
    case.same("softmax", case.rng(31).normal(size=(3, 6)) * 2.0, temperature=temperature)


@pytest.mark.catches("ignores-axis", "temperature-multiplied")
@pytest.mark.parametrize("axis, temperature", [(1, 2.0), (-3, 0.5)])
def test_temperature_with_axis(case, axis, temperature):
    x = case.rng(32).normal(size=(4, 3, 5)) * 2.0
    case.same("softmax", x, temperature=temperature, **along(case, axis))


def test_high_temperature_wide_spread(case):
    # Slices that span past exp's underflow, at a temperature that brings x / T
    # back to a span of a few units: every probability matters. A temperature
    # applied after exp, exp(x - max) ** (1 / T), has already lost the small
    # terms to underflow (0 ** (1 / T) is 0), so it must fail here.
    s = spread(case)
    x = case.rng(33).normal(size=(3, 6)) * 2.0 * s
    case.same("softmax", x, temperature=4.0 * s)


# -- stability -----------------------------------------------------------------

@pytest.mark.catches("no-max-subtraction")
@pytest.mark.parametrize("fn", BOTH)
def test_large_positive_logits(case, fn):
    case.same(fn, far(case) + case.rng(40).normal(size=(3, 5)))


@pytest.mark.parametrize("fn", BOTH)
def test_large_negative_logits(case, fn):
    case.same(fn, -far(case) + case.rng(41).normal(size=(3, 5)))


def test_large_logits_at_low_temperature(case):
    # x / T is what meets exp: 0.5 doubles the logits before the shift.
    case.same("softmax", far(case) / 2 + case.rng(42).normal(size=(2, 6)), temperature=0.5)


@pytest.mark.catches("no-max-subtraction", "max-over-whole-array")
@pytest.mark.parametrize("fn", BOTH)
def test_rows_at_different_offsets(case, fn):
    # One row near +far, one near 0, one near -far: the shift is per row.
    offsets = np.array([[far(case)], [0.0], [-far(case)]])
    case.same(fn, offsets + case.rng(43).normal(size=(3, 6)))


@pytest.mark.catches("log-of-softmax")
@pytest.mark.parametrize("x", [[0.0, -1000.0], [5.0, -995.0, 0.0, -2000.0]],
                         ids=["0_and_-1000", "four_far_apart"])
def test_log_softmax_far_apart(case, x):
    # The true values are finite (0 and -1000 for the first); log(softmax) gives -inf.
    case.same("log_softmax", np.array(x))


def test_log_softmax_large_spread(case):
    case.same("log_softmax", case.rng(44).normal(size=(4, 6)) * spread(case))


def test_log_softmax_large_spread_on_axis(case):
    x = case.rng(45).normal(size=(3, 5, 2)) * spread(case)
    case.same("log_softmax", x, **along(case, 1))


# -- properties ----------------------------------------------------------------

def test_rows_sum_to_one(case):
    p = case.run("softmax", case.rng(50).normal(size=(6, 9)) * 3.0)
    case.require(bool((p >= 0).all()), "softmax returned negative probabilities")
    case.require(np.allclose(p.sum(axis=-1), 1.0, atol=1e-5),
                 "the rows of softmax(x) (the last axis) do not each sum to 1")


@pytest.mark.catches("ignores-axis")
def test_columns_sum_to_one(case):
    p = case.run("softmax", case.rng(51).normal(size=(5, 8)) * 3.0, **along(case, 0))
    case.require(np.allclose(p.sum(axis=0), 1.0, atol=1e-5),
                 "with axis 0, each column of softmax(x) must sum to 1")


def test_log_softmax_exponentiates_to_one(case):
    lp = case.run("log_softmax", case.rng(52).normal(size=(4, 3, 7)) * 3.0)
    case.require(bool((lp <= 1e-6).all()), "log-probabilities cannot be positive")
    case.require(np.allclose(np.exp(lp).sum(axis=-1), 1.0, atol=1e-5),
                 "exp(log_softmax(x)) must sum to 1 along the last axis")


def test_high_temperature_flattens(case):
    p = case.run("softmax", case.rng(53).normal(size=(3, 10)), temperature=1e4)
    case.require(np.allclose(p, 0.1, atol=1e-3),
                 "at a very high temperature softmax must be close to uniform (1/n each)")


# -- bigger inputs -------------------------------------------------------------

@pytest.mark.parametrize("fn", BOTH)
def test_4d_batch(case, fn):
    case.same(fn, case.rng(60).normal(size=(2, 3, 4, 5)) * 2.0, **along(case, 1))


@pytest.mark.catches("max-over-whole-array")
@pytest.mark.parametrize("fn", BOTH)
def test_big_batch(case, fn):
    x = case.rng(61).normal(size=(64, 1000)) * 4.0
    x[::7] += far(case)
    case.same(fn, x)


def timing_case(rng):
    return "softmax", (rng.normal(size=(2048, 2048)) * 4.0,), {}
