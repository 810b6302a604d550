"""Expected against actual, where infinities and NaN decide the verdict."""

from __future__ import annotations

import numpy as np
import pytest

from grader.confined.wire import Returned
from grader.grading.compare import compare

RTOL, ATOL = 1e-5, 1e-6


def array(values) -> Returned:
    data = np.asarray(values, dtype=np.float64)
    return Returned("array", "ndarray", data=data, dtype=str(data.dtype))


def verdict(expected, actual):
    return compare(array(expected), array(actual), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("actual", [[0.0, -5.0], [0.0, -1e300], [0.0, np.inf], [0.0, np.nan]])
def test_an_infinite_expected_value_takes_that_infinity_only(actual):
    mismatch = verdict([0.0, -np.inf], actual)
    assert mismatch is not None and mismatch.kind == "values"
    assert mismatch.worst == (1,)


def test_the_same_infinity_and_nan_where_expected_match():
    assert verdict([0.0, -np.inf, np.nan], [1e-7, -np.inf, np.nan]) is None


def test_a_finite_miss_is_reported_with_its_errors():
    mismatch = verdict([1.0, 2.0, 3.0], [1.0, 2.5, 3.0])
    assert mismatch is not None
    assert mismatch.max_abs == pytest.approx(0.5)
    assert mismatch.worst == (1,)
    assert "1 of 3 values differ" in mismatch.reason


def test_within_tolerance_passes_and_just_outside_fails():
    assert verdict([100.0], [100.0 + 0.9 * (ATOL + RTOL * 100)]) is None
    assert verdict([100.0], [100.0 + 1.1 * (ATOL + RTOL * 100)]) is not None
