"""Hidden cases for mse, mae, binary_cross_entropy, bce_with_logits and cross_entropy.

Which case catches which classic mistake:
- every batch of more than one element catches a sum instead of a mean, and
  every loss of the log family (positive by nature) a missing minus sign;
- probabilities of exactly 0 and 1 catch an unfloored log (inf, or NaN from
  0 * -inf); in float32 they also catch p clamped into [eps, 1 - eps], since
  1 - 1e-12 rounds to 1.0 there. A first case with p = 0 alone, where the
  clamp is right, keeps the two apart in the diagnosis;
- eps = 1e-3 with probabilities a little below and above it catches
  log(p + eps) (and an eps argument ignored);
- logits of +-1000, and of 20 to 60 (where sigmoid rounds to exactly 1.0),
  catch bce_with_logits through sigmoid and log;
- all-positive logits make -log(logits[label]) finite but wrong, other logits
  make it NaN; any cross_entropy case catches a mean over N * C entries, and
  the label_smoothing cases the eps / (C - 1) spread;
- logits past exp's overflow, and rows whose label's probability underflows,
  catch a cross_entropy that goes through softmax or skips the max shift.
Each case names the mistakes it is there to catch with
@pytest.mark.catches(...); kata validate proves that each of them fails it.
Soft targets are multiples of 1/4, exact in float32.
"""

import numpy as np
import pytest

REGRESSION = ["mse", "mae"]


def far(case):
    """A logit offset past exp's overflow: 1000 in float64. In float32 exp
    overflows past 88; at 150 a loss of order 1 still keeps the rounding of
    numbers near the offset (about 1e-5) inside the float32 tolerance."""
    return 1000.0 if case.track == "numpy" else 150.0


def spread(case):
    """A scale for normal logits whose rows span more than -log(smallest
    float), about 745 in float64 and 103 in float32: probabilities underflow."""
    return 600.0 if case.track == "numpy" else 100.0


def probabilities(rng, shape):
    return rng.uniform(0.02, 0.98, size=shape)


def hard_labels(rng, shape):
    return rng.integers(0, 2, size=shape).astype(np.float64)


def soft_labels(rng, shape):
    return rng.integers(0, 5, size=shape) / 4.0


# -- mse and mae --------------------------------------------------------------

@pytest.mark.catches("sum-instead-of-mean")
@pytest.mark.parametrize("fn", REGRESSION)
def test_worked_example_regression(case, fn):
    case.same(fn, np.array([2.5, 0.0, 2.0, 8.0]), np.array([3.0, -0.5, 2.0, 7.0]))


@pytest.mark.parametrize("fn", REGRESSION)
def test_regression_one_element(case, fn):
    case.same(fn, np.array([1.5]), np.array([-0.25]))


@pytest.mark.catches("sum-instead-of-mean")
@pytest.mark.parametrize("fn", REGRESSION)
@pytest.mark.parametrize("shape", [(4, 5), (2, 3, 4)], ids=["4x5", "2x3x4"])
def test_regression_shapes(case, fn, shape):
    rng = case.rng(len(shape))
    case.same(fn, rng.normal(size=shape) * 3.0, rng.normal(size=shape))


# -- binary_cross_entropy -----------------------------------------------------

@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean")
def test_worked_example_bce(case):
    case.same("binary_cross_entropy", np.array([0.9, 0.1, 0.8, 0.3]), np.array([1.0, 0.0, 1.0, 1.0]))


@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean")
def test_bce_hard_labels(case):
    rng = case.rng(10)
    case.same("binary_cross_entropy", probabilities(rng, (3, 5)), hard_labels(rng, (3, 5)))


@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean")
def test_bce_soft_targets(case):
    rng = case.rng(11)
    case.same("binary_cross_entropy", probabilities(rng, (2, 3, 4)), soft_labels(rng, (2, 3, 4)))


def test_bce_one_element(case):
    case.same("binary_cross_entropy", np.array([0.35]), np.array([1.0]))


@pytest.mark.catches("log-of-zero")
def test_bce_zero_for_a_positive(case):
    # Only p = 0 needs the floor here: -log(max(0, eps)) = 27.63, not inf. Clamping
    # p into [eps, 1 - eps] is right on this one, which tells the two mistakes apart.
    case.same("binary_cross_entropy", np.array([0.0, 0.3, 0.8]), np.array([1.0, 1.0, 0.0]))


@pytest.mark.catches("log-of-zero", "clip-both-ends")
def test_bce_confident_and_right(case):
    # The true loss is small; without the floor, 0 * log(0) = 0 * -inf is NaN.
    probs = np.array([1.0, 0.0, 1.0, 0.0, 0.7, 0.2])
    case.same("binary_cross_entropy", probs, np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0]))


@pytest.mark.catches("log-of-zero", "clip-both-ends")
def test_bce_confident_and_wrong(case):
    # Each wrong certainty costs -log(eps) = 27.63. In float64, np.clip(p, eps,
    # 1 - eps) gives log(1 - (1 - 1e-12)) = log(9.99978e-13) there, 8e-7 away
    # relatively, inside the tolerance; in float32 it gives log(0).
    probs = np.array([0.0, 1.0, 0.6, 1.0, 0.1])
    target = np.array([1.0, 0.0, 0.0, 0.0, 1.0])
    case.same("binary_cross_entropy", probs, target)


@pytest.mark.catches("log-of-zero", "clip-both-ends", "missing-minus-sign", "sum-instead-of-mean")
def test_bce_saturated_batch(case):
    rng = case.rng(12)
    probs = probabilities(rng, (4, 6))
    probs.flat[[1, 7, 14]] = 1.0
    probs.flat[[4, 18]] = 0.0
    target = soft_labels(rng, (4, 6))
    case.same("binary_cross_entropy", probs, target)


@pytest.mark.catches("eps-added-not-clipped")
def test_bce_custom_eps(case):
    # eps = 1e-3: the floor applies to 0 and 2e-4 (positives) and to 1 and
    # 0.9998 (negatives); 5e-3 and 0.995 lie just inside, where the loss is exact.
    probs = np.array([0.0, 2e-4, 5e-3, 1.0, 0.9998, 0.995])
    target = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0])
    case.same("binary_cross_entropy", probs, target, eps=1e-3)


# -- bce_with_logits ----------------------------------------------------------

@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean")
def test_worked_example_bce_with_logits(case):
    case.same("bce_with_logits", np.array([2.0, -1.0, 0.0]), np.array([1.0, 0.0, 1.0]))


@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean")
def test_bce_with_logits_hard_labels(case):
    rng = case.rng(20)
    case.same("bce_with_logits", rng.normal(size=(3, 5)) * 3.0, hard_labels(rng, (3, 5)))


@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean")
def test_bce_with_logits_soft_targets(case):
    rng = case.rng(21)
    case.same("bce_with_logits", rng.normal(size=(2, 3, 4)) * 3.0, soft_labels(rng, (2, 3, 4)))


def test_bce_with_logits_one_element(case):
    case.same("bce_with_logits", np.array([-0.7]), np.array([1.0]))


@pytest.mark.catches("bce-with-logits-overflow")
def test_bce_with_logits_huge_logits(case):
    logits = np.array([1000.0, -1000.0, 1000.0, -1000.0, 1000.0, -1000.0, 0.5])
    target = np.array([1.0, 0.0, 0.0, 1.0, 0.25, 0.75, 0.5])
    case.same("bce_with_logits", logits, target)


@pytest.mark.catches("bce-with-logits-overflow")
def test_bce_with_logits_saturated_sigmoid(case):
    # |x| from 20 to 60: sigmoid(x) is exactly 1.0 in float32 past 16.6 and in
    # float64 past about 36.7, though nothing here overflows.
    rng = case.rng(22)
    logits = rng.uniform(20.0, 60.0, size=(4, 8)) * rng.choice([-1.0, 1.0], size=(4, 8))
    case.same("bce_with_logits", logits, hard_labels(rng, (4, 8)))


# -- cross_entropy ------------------------------------------------------------

WORKED_LOGITS = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])


@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean", "mean-over-classes", "probabilities-not-logits")
def test_worked_example_cross_entropy(case):
    case.same("cross_entropy", WORKED_LOGITS, np.array([0, 2]))


@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean", "mean-over-classes",
                     "probabilities-not-logits", "smoothing-over-other-classes")
def test_worked_example_label_smoothing(case):
    case.same("cross_entropy", WORKED_LOGITS, np.array([0, 2]), label_smoothing=0.1)


def test_cross_entropy_batch_of_one(case):
    rng = case.rng(30)
    case.same("cross_entropy", rng.normal(size=(1, 4)) * 2.0, np.array([3]))


@pytest.mark.catches("missing-minus-sign", "sum-instead-of-mean", "mean-over-classes", "probabilities-not-logits")
@pytest.mark.parametrize("n, c", [(5, 3), (8, 10), (3, 2)], ids=["5x3", "8x10", "3x2"])
def test_cross_entropy_shapes(case, n, c):
    rng = case.rng(31 + c)
    case.same("cross_entropy", rng.normal(size=(n, c)) * 2.0, rng.integers(0, c, size=n))


@pytest.mark.catches("smoothing-over-other-classes", "mean-over-classes")
@pytest.mark.parametrize("label_smoothing", [0.1, 0.3, 1.0])
def test_label_smoothing(case, label_smoothing):
    rng = case.rng(40)
    case.same("cross_entropy", rng.normal(size=(6, 5)) * 2.0, rng.integers(0, 5, size=6),
              label_smoothing=label_smoothing)


def test_cross_entropy_large_positive_logits(case):
    # Every logit near +far: exp overflows without the max shift, while
    # -log(logits[label]) is finite here, so the two mistakes look different.
    rng = case.rng(43)
    case.same("cross_entropy", far(case) + rng.normal(size=(3, 5)), rng.integers(0, 5, size=3))


@pytest.mark.parametrize("label_smoothing", [0.0, 0.2])
def test_cross_entropy_large_logits(case, label_smoothing):
    # One row near +far, one near 0, one near -far: exp overflows or
    # underflows unless each row is shifted by its own maximum.
    rng = case.rng(41)
    logits = np.array([[far(case)], [0.0], [-far(case)]]) + rng.normal(size=(3, 6))
    case.same("cross_entropy", logits, rng.integers(0, 6, size=3), label_smoothing=label_smoothing)


@pytest.mark.catches("softmax-then-log")
@pytest.mark.parametrize("label_smoothing", [0.0, 0.2])
def test_cross_entropy_wide_spread(case, label_smoothing):
    # The label is each row's smallest logit: its probability underflows to 0,
    # so log(softmax) is -inf while the true loss is finite (hundreds).
    logits = case.rng(42).normal(size=(4, 7)) * spread(case)
    case.same("cross_entropy", logits, logits.argmin(axis=1), label_smoothing=label_smoothing)


def timing_case(rng):
    return "cross_entropy", (rng.normal(size=(4096, 1000)) * 3.0, rng.integers(0, 1000, size=4096)), \
        {"label_smoothing": 0.1}
