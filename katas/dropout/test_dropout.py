"""Hidden cases for dropout and dropout_backward.

Deterministic calls are compared with the reference's outputs (case.same):
evaluation mode (x unchanged, an all-true mask: rescaling at eval fails),
p = 0 in training (everything kept: normal draws and p taken as the keep
probability fail), p = 1 in training (zeros and an all-false mask, not the
NaN of 0 * inf), and every backward call (dout * keep_mask / (1 - p)).

A training call at 0 < p < 1 is random, and a learner may draw from the
generator any way it likes, so it is held to properties and statistics:
- exactly: a bool mask of x's shape, and out = x / (1 - p) where the mask
  is True and 0 elsewhere (out = x * mask is named no rescaling);
- the kept count: on a 200 x 500 input at p = 0.3 it is Binomial(100000,
  0.7), and 69203 .. 70797 (5.5 sd about 70000) fails a right file with
  probability 3.7e-8 exactly; on a 2 x 3 x 40 x 50 input at p = 0.9 it is
  Binomial(12000, 0.1), and 1020 .. 1380 fails with probability 4.7e-8.
  A count near n * p is named p used as the keep probability (30000 and
  10800 of them); one near n * P(Z >= p), n * P(Z < p), n * P(Z < 1 - p) or
  n * P(Z >= 1 - p) for a standard normal Z is named normal draws (at
  p = 0.3 those keep 38.2%, 61.8%, 75.8% and 24.2%; at p = 0.9, 18.4%,
  81.6%, 54.0% and 46.0%), each window 5.5 of its own sd wide;
- independence from the values: the 50000 entries of smallest |x| and the
  50000 of largest are kept at the same rate. The difference of two
  independent Binomial(50000, 0.7) counts lies within 797 (5.5 sd) but with
  probability 3.7e-8 exactly;
- one seed gives one mask (a global random state fails; named), two seeds
  give different masks (equal only with probability below 1e-300).
A right file fails some case with probability below 1.3e-7 (union bound:
3.7e-8 + 4.7e-8 + 3.7e-8).
"""

import math

import numpy as np
import pytest

from grader.confined.track_values import Seeded


def _upper(z):
    """P(Z >= z) for a standard normal Z: the keep rates of normal draws."""
    return 0.5 * math.erfc(z / math.sqrt(2))


def shape_id(shape):
    return "x".join(map(str, shape))


def check_training_output(case, x, p, out, keep_mask, keep_rate=False):
    """The exact properties of one training call: the mask's type and shape, then (with keep_rate)
    the kept count, then out against the mask."""
    case.require(isinstance(keep_mask, np.ndarray) and keep_mask.dtype == bool,
                 f"keep_mask must be a boolean array (torch.bool on the torch track), not "
                 f"{getattr(keep_mask, 'dtype', type(keep_mask).__name__)}")
    case.require(keep_mask.shape == x.shape, f"keep_mask has shape {keep_mask.shape}; x has {x.shape}")
    if keep_rate:
        check_keep_rate(case, keep_mask, p)
    case.require(out.shape == x.shape, f"out has shape {out.shape}; x has {x.shape}")
    case.require(np.all(np.isfinite(out)), f"out holds NaN or inf at p = {p}")
    rtol, atol = (1e-6, 1e-8) if case.track == "numpy" else (1e-4, 1e-5)
    case.require(np.all(out[~keep_mask] == 0), "out is not 0 where keep_mask is False: a dropped entry must be 0")
    kept, scaled = out[keep_mask], x[keep_mask]
    if kept.size and np.allclose(kept, scaled, rtol=rtol, atol=atol):
        case.require(False, f"the kept entries of out equal x: they must be divided by 1 - p = {1 - p:g}, so that "
                     "out has the same expected value as x", means="no-rescaling")
    case.require(np.allclose(kept, scaled / (1 - p), rtol=rtol, atol=atol),
                 f"the kept entries of out must be x / (1 - p) = x / {1 - p:g}; "
                 + ("they are x / p (p is the drop probability)" if np.allclose(kept, scaled / p, rtol=rtol, atol=atol)
                    else "they are not"))


def within(count, n, rate, sds=5.5):
    return abs(count - n * rate) <= sds * math.sqrt(n * rate * (1 - rate))


def check_keep_rate(case, keep_mask, p):
    """The kept count within 5.5 sd of n (1 - p); naming the mistakes whose rates it lands on instead."""
    n, kept = keep_mask.size, int(keep_mask.sum())
    if within(kept, n, 1 - p):
        return
    said = (f"{kept} of {n} entries kept ({kept / n:.1%}) at p = {p:g}, where a keep probability of 1 - p gives "
            f"{n * (1 - p):.0f} ({1 - p:.0%})")
    case.require(not within(kept, n, p), f"{said}: p is the probability of dropping an entry, not of keeping it",
                 means="p-as-keep-probability")
    normal = [_upper(p), 1 - _upper(p), 1 - _upper(1 - p), _upper(1 - p)]
    case.require(not any(within(kept, n, rate) for rate in normal),
                 f"{said}: that is the rate of comparing standard normal draws with p; draw uniformly on [0, 1)",
                 means="normal-draws")
    case.require(False, f"{said}: the entries are not kept with probability 1 - p")


# -- the worked example ---------------------------------------------------------

X_EXAMPLE = np.array([[1.0, -2.0, 3.0, 4.0], [0.5, 6.0, -1.0, 2.0]])
MASK_EXAMPLE = np.array([[True, False, False, False], [True, True, True, True]])


def test_worked_example_eval(case):
    case.same("dropout", X_EXAMPLE, 0.5, False, case.generator(0))


@pytest.mark.catches("backward-forgets-scale")
def test_worked_example_backward(case):
    dout = np.array([[1.0, 2.0, 3.0, 4.0], [-1.0, 0.5, 0.0, 2.0]])
    case.same("dropout_backward", dout, MASK_EXAMPLE, 0.5)


# -- deterministic forward calls -------------------------------------------------

@pytest.mark.catches("rescaling-at-eval")
@pytest.mark.parametrize("shape, p", [((3, 5), 0.3), ((2, 3, 4), 0.6), ((7,), 0.9)],
                         ids=lambda v: shape_id(v) if isinstance(v, tuple) else str(v))
def test_eval_returns_x(case, shape, p):
    case.same("dropout", case.rng(len(shape)).normal(size=shape), p, False, case.generator(1))


@pytest.mark.catches("normal-draws", "p-as-keep-probability")
@pytest.mark.parametrize("shape", [(4, 6), (2, 3, 5)], ids=shape_id)
def test_p_zero_keeps_everything(case, shape):
    case.same("dropout", case.rng(10 + len(shape)).normal(size=shape), 0.0, True, case.generator(2))


@pytest.mark.catches("nan-at-p-one")
@pytest.mark.parametrize("shape", [(4, 6), (3, 1, 5)], ids=shape_id)
def test_p_one_gives_zeros(case, shape):
    case.same("dropout", case.rng(20 + len(shape)).normal(size=shape), 1.0, True, case.generator(3))


# -- training calls: properties and statistics ------------------------------------

@pytest.mark.parametrize("shape, p", [((1,), 0.5), ((1, 6), 0.5), ((5, 3), 0.25)],
                         ids=lambda v: shape_id(v) if isinstance(v, tuple) else str(v))
def test_small_inputs(case, shape, p):
    x = case.rng(30 + sum(shape)).normal(size=shape)
    out, keep_mask = case.run("dropout", x, p, True, case.generator(4))
    check_training_output(case, x, p, out, keep_mask)


@pytest.mark.catches("normal-draws", "p-as-keep-probability", "no-rescaling")
def test_keep_rate_and_scale(case):
    p = 0.3
    x = case.rng(40).normal(size=(200, 500))
    out, keep_mask = case.run("dropout", x, p, True, case.generator(5))
    check_training_output(case, x, p, out, keep_mask, keep_rate=True)
    # The mask must not look at x: the half of smallest |x| is kept at the rate of the largest.
    order = np.argsort(np.abs(x), axis=None)
    small, large = (int(keep_mask.reshape(-1)[half].sum()) for half in np.split(order, 2))
    case.require(abs(large - small) <= 797,
                 f"of the 50000 entries of largest |x| {large} were kept, of the 50000 smallest {small}: "
                 "whether an entry is kept must not depend on its value")


@pytest.mark.catches("normal-draws", "p-as-keep-probability", "no-rescaling")
def test_keep_rate_high_p(case):
    p = 0.9
    x = case.rng(41).normal(2.0, 1.0, size=(2, 3, 40, 50))
    out, keep_mask = case.run("dropout", x, p, True, case.generator(6))
    check_training_output(case, x, p, out, keep_mask, keep_rate=True)


@pytest.mark.catches("global-random-state")
def test_same_seed_same_mask(case):
    x = case.rng(50).normal(size=(50, 40))
    (first, first_mask), (second, second_mask) = (case.run("dropout", x, 0.5, True, case.generator(7))
                                                  for _ in range(2))
    case.require(np.array_equal(first_mask, second_mask) and np.array_equal(first, second),
                 "two generators seeded alike gave different masks: draw from the generator passed in, "
                 "not from a global random state", means="global-random-state")


def test_other_seeds_other_masks(case):
    x = case.rng(51).normal(size=(50, 40))
    masks = [case.run("dropout", x, 0.5, True, case.generator(seed))[1] for seed in (8, 9)]
    case.require(not np.array_equal(*masks),
                 "two different seeds gave the same mask: the mask must be drawn from the generator")


def test_training_without_a_generator(case):
    # The torch signature lets generator default to None (torch's default generator).
    if case.track != "torch":
        pytest.skip("the NumPy track always passes rng")
    x = case.rng(52).normal(size=(6, 7))
    out, keep_mask = case.run("dropout", x, 0.4, True)
    check_training_output(case, x, 0.4, out, keep_mask)


# -- dropout_backward ---------------------------------------------------------------

@pytest.mark.catches("backward-forgets-scale", "p-as-keep-probability")
@pytest.mark.parametrize("shape, p", [((4, 6), 0.3), ((2, 3, 5), 0.75), ((1,), 0.2)],
                         ids=lambda v: shape_id(v) if isinstance(v, tuple) else str(v))
def test_backward(case, shape, p):
    rng = case.rng(60 + len(shape))
    keep_mask = rng.random(shape) >= p
    keep_mask.reshape(-1)[0] = True
    case.same("dropout_backward", rng.normal(size=shape), keep_mask, p)


def test_backward_p_zero(case):
    rng = case.rng(64)
    case.same("dropout_backward", rng.normal(size=(3, 4)), np.ones((3, 4), dtype=bool), 0.0)


@pytest.mark.catches("nan-at-p-one")
def test_backward_p_one(case):
    rng = case.rng(65)
    case.same("dropout_backward", rng.normal(size=(3, 4)), np.zeros((3, 4), dtype=bool), 1.0)


def timing_case(rng):
    return "dropout", (rng.normal(size=(512, 1024)), 0.5, True, Seeded(0)), {}
