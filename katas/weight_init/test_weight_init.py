"""Hidden cases for xavier_uniform, xavier_normal, kaiming_normal and kaiming_uniform.

The draws cannot be compared with the reference's (a learner may draw from
the generator any way it likes), so each function is held to its law on
(fan_in, fan_out) = (300, 50) and (50, 300), n = 15,000 draws per call, and
to exact properties. With sigma^2 the variance asked for (gain^2 * 2 /
(fan_in + fan_out) for Xavier, 2 / fan_in for Kaiming) and b = sqrt(3) sigma
the uniform bound, a right file fails a check below with probability at most:

- |mean| > 7 sigma / sqrt(n): 2 exp(-49/2) = 4.6e-11 (Chernoff; a uniform on
  [-b, b] is sub-Gaussian with variance proxy b^2 / 3, like the normal);
- mean square outside [0.9, 1.1] sigma^2: normal, exact chi-square(15000)
  tails 1.6e-19 below and 2.4e-17 above; uniform, Hoeffding on w^2 in
  [0, b^2], 2 exp(-2 n (0.1 / 3)^2) = 6.7e-15;
- uniform: max |w| above b (1 + 1e-6): never (only rounding reaches b);
  below b (1 - 0.002): (1 - 0.002)^n = 9.1e-14; the count of |w| <= b / 2
  outside 7500 +- 490 (8 sd of Binomial(n, 1/2)): exact tails 5.6e-16 each;
- normal: the count of |w| > 2 sigma outside [478, 887] (8 sd of
  Binomial(n, 0.0455)): exact tails 1.3e-17 below and 7.0e-15 above;
- two equal rows or columns: below 1e-100.

(The gain cases draw 18,000 and their tails are smaller still.) Ten such
cases in all: a right file fails one with probability below 1e-9.

Which case catches which classic mistake:
- every call's shape is held to (fan_out, fan_in), as nn.Linear.weight, on
  non-square shapes (1 x 7, 6 x 1, 300 x 50): fans swapped fail it;
- the mean square, as a ratio r to sigma^2, names the mistake whose ratio r
  is (within 10%, where the draws sit within 1% of it): Kaiming without
  the ReLU gain sqrt(2) gives 1/2, Kaiming from fan_out fan_in / fan_out
  (6 and 1/6 here), a Xavier bound sqrt(3 / (fan_in + fan_out)) 1/2, the
  normal's standard deviation used as the uniform bound 1/3, the gain left
  out 1 / gain^2 (gain 0.75 gives 16/9), unscaled standard normals 1 / sigma^2;
- the uniform's bound and fill, and the normal's tail beyond 2 sigma, tell
  a uniform from a normal: a uniform where a normal is asked has no draw
  beyond sqrt(3) sigma and kurtosis 1.8 (the normal's is 3);
- two generators seeded alike must give the same draws (a global random
  state fails), two seeded differently other draws.
"""

import math

import numpy as np
import pytest

from grader.confined.track_values import Seeded

FUNCTIONS = ["xavier_uniform", "xavier_normal", "kaiming_normal", "kaiming_uniform"]
UNIFORM = {"xavier_uniform", "kaiming_uniform"}
SHAPES = [(300, 50), (50, 300)]  # (fan_in, fan_out): 15,000 draws, clearly not square

MEAN_SDS = 7.0
RATIO_TOLERANCE = 0.1  # the mean square within 10% of sigma^2
FILL = 0.002  # the largest |w| of a uniform within 0.2% of its bound
ROUNDING = 1e-6  # float32 rounds the bound by up to 6e-8 of it
COUNT_SDS = 8.0


def call(case, fn, fan_in, fan_out, seed, gain=None):
    kwargs = {} if gain is None else {"gain": gain}
    return np.asarray(case.run(fn, fan_in, fan_out, case.generator(seed), **kwargs), dtype=np.float64)


def variance(fn, fan_in, fan_out, gain=1.0):
    """sigma^2: what Var(w) must be."""
    if fn.startswith("xavier"):
        return gain ** 2 * 2.0 / (fan_in + fan_out)
    return 2.0 / fan_in


def formula(fn):
    return {"xavier_uniform": "gain^2 * 2 / (fan_in + fan_out), from the bound gain * sqrt(6 / (fan_in + fan_out))",
            "xavier_normal": "gain^2 * 2 / (fan_in + fan_out)",
            "kaiming_normal": "2 / fan_in",
            "kaiming_uniform": "2 / fan_in, from the bound sqrt(6 / fan_in)"}[fn]


def suspects(fn, fan_in, fan_out, gain):
    """(mistake id, the ratio r of mean square to sigma^2 it gives, what that shows) for each
    named mistake of `fn` that changes the variance."""
    found = [("unscaled", 1.0 / variance(fn, fan_in, fan_out, gain),
              "the draws have variance 1: standard normals never scaled by the fans")]
    if fn == "xavier_uniform":
        found += [("uniform-bound-sqrt3", 0.5, "the bound sqrt(3 / (fan_in + fan_out)) gives half the variance; "
                   "U(-a, a) has variance a^2 / 3, so the bound is sqrt(6 / (fan_in + fan_out))"),
                  ("std-as-bound", 1 / 3, "the bound is the normal's standard deviation sqrt(2 / (fan_in + fan_out)); "
                   "U(-a, a) has variance a^2 / 3, so the bound is sqrt(3) times it")]
    if fn == "kaiming_uniform":
        found += [("missing-sqrt2", 0.5, "the bound sqrt(3 / fan_in) lacks the ReLU gain sqrt(2): "
                   "it is sqrt(2) * sqrt(3 / fan_in) = sqrt(6 / fan_in)"),
                  ("std-as-bound", 1 / 3, "the bound is the normal's standard deviation sqrt(2 / fan_in); "
                   "U(-a, a) has variance a^2 / 3, so the bound is sqrt(3) times it, sqrt(6 / fan_in)")]
    if fn == "kaiming_normal":
        found += [("missing-sqrt2", 0.5, "the standard deviation 1 / sqrt(fan_in) lacks the ReLU gain sqrt(2)")]
    if fn.startswith("kaiming") and fan_in != fan_out:
        found += [("kaiming-fan-out", fan_in / fan_out, f"Var(w) = 2 / fan_out = 2 / {fan_out}: Kaiming's fan "
                   f"is fan_in = {fan_in}, the inputs each output sums over")]
    if fn.startswith("xavier") and gain != 1.0:
        found += [("gain-ignored", 1 / gain ** 2, f"the gain {gain:g} was never applied (it scales the "
                   "standard deviation and the bound)")]
    return found


def diagnose(fn, fan_in, fan_out, gain, ratio):
    """The one mistake whose ratio lies within 10% of `ratio`, and what it shows; (None, "") if none."""
    near = [(m, why) for m, r, why in suspects(fn, fan_in, fan_out, gain)
            if abs(ratio / r - 1.0) <= RATIO_TOLERANCE]
    return near[0] if len(near) == 1 else (None, "")


def binomial_window(n, p):
    mean, sd = n * p, math.sqrt(n * p * (1 - p))
    return math.floor(mean - COUNT_SDS * sd), math.ceil(mean + COUNT_SDS * sd)


def check_law(case, fn, fan_in, fan_out, w, gain=1.0):
    """Shape aside (case.run compares it with the reference's), the properties of the law of w."""
    where = f"{fn}({fan_in}, {fan_out}{'' if gain == 1.0 else f', gain={gain:g}'})"
    n = w.size
    var = variance(fn, fan_in, fan_out, gain)
    sigma = math.sqrt(var)
    mean = float(w.mean())
    ratio = float(np.mean(w ** 2)) / var
    kurtosis = float(np.mean(w ** 4)) / float(np.mean(w ** 2)) ** 2
    largest = float(np.abs(w).max())
    suspect, why = diagnose(fn, fan_in, fan_out, gain, ratio)
    diagnosis = f"; {why}" if why else ""

    case.require(abs(mean) <= MEAN_SDS * sigma / math.sqrt(n),
                 f"{where}: the {n} draws average {mean:.3g}, where weights centred on 0 with standard deviation "
                 f"{sigma:.4g} average within {MEAN_SDS * sigma / math.sqrt(n):.2g} of 0")
    if fn in UNIFORM:
        bound = math.sqrt(3.0 * var)
        case.require(largest <= bound * (1 + ROUNDING),
                     f"{where}: a draw of magnitude {largest:.5g} lies outside [-{bound:.5g}, {bound:.5g}], "
                     f"the uniform's range ({largest / bound:.3g} times the bound){diagnosis}", means=suspect)
        case.require(largest >= bound * (1 - FILL),
                     f"{where}: the largest |w| of {n} draws is {largest:.5g}, only {largest / bound:.3g} of the "
                     f"bound {bound:.5g}: the draws do not fill [-bound, bound]{diagnosis}", means=suspect)
    case.require(abs(ratio - 1.0) <= RATIO_TOLERANCE,
                 f"{where}: the draws' mean square is {ratio * var:.4g}, {ratio:.3g} times the variance "
                 f"{var:.4g} = {formula(fn)}{diagnosis}", means=suspect)
    if fn in UNIFORM:
        low, high = binomial_window(n, 0.5)
        inner = int(np.sum(np.abs(w) <= bound / 2))
        case.require(low <= inner <= high,
                     f"{where}: {inner} of {n} draws lie within half the bound, where a uniform puts half of "
                     f"them ({low} to {high}): the draws are not uniform on [-{bound:.4g}, {bound:.4g}]")
    else:
        low, high = binomial_window(n, 0.0455002639)
        beyond = int(np.sum(np.abs(w) > 2 * sigma))
        looks_uniform = abs(kurtosis - 1.8) <= 0.1
        case.require(low <= beyond <= high,
                     f"{where}: {beyond} of {n} draws lie beyond 2 standard deviations, where a normal puts 4.55% "
                     f"of them ({low} to {high}); the draws' kurtosis is {kurtosis:.3g} (a normal's is 3"
                     + (", a uniform's 1.8: these are uniform draws, not normal ones)" if looks_uniform else ")"),
                     means="uniform-for-normal" if looks_uniform else None)
    rows, columns = np.unique(w, axis=0).shape[0], np.unique(w, axis=1).shape[1]
    case.require(rows == w.shape[0] and columns == w.shape[1],
                 f"{where}: {w.shape[0] - rows} rows and {w.shape[1] - columns} columns repeat another: "
                 "every weight must be its own independent draw")


# -- shapes ----------------------------------------------------------------------------

@pytest.mark.catches("swapped-fans")
@pytest.mark.parametrize("fn", FUNCTIONS)
def test_shape_is_fan_out_by_fan_in(case, fn):
    # case.run holds type, dtype, device and shape to the reference's: (fan_out, fan_in).
    for seed, (fan_in, fan_out) in enumerate([(1, 1), (1, 7), (6, 1), (3, 5), (16, 16)]):
        case.run(fn, fan_in, fan_out, case.generator(seed))


def test_default_generator(case):
    # generator=None on the torch track: torch's default generator, a CPU tensor.
    for fn in FUNCTIONS:
        if case.track == "torch":
            case.run(fn, 4, 3)
        else:
            case.run(fn, 4, 3, case.generator(5))


# -- the law of the draws ----------------------------------------------------------------

LAW_CASES = [
    pytest.param("xavier_uniform", marks=pytest.mark.catches(
        "swapped-fans", "uniform-bound-sqrt3", "std-as-bound", "unscaled")),
    pytest.param("xavier_normal", marks=pytest.mark.catches("swapped-fans", "unscaled", "uniform-for-normal")),
    pytest.param("kaiming_normal", marks=pytest.mark.catches(
        "swapped-fans", "kaiming-fan-out", "missing-sqrt2", "unscaled", "uniform-for-normal")),
    pytest.param("kaiming_uniform", marks=pytest.mark.catches(
        "swapped-fans", "kaiming-fan-out", "missing-sqrt2", "std-as-bound", "unscaled")),
]


@pytest.mark.parametrize("fan_in, fan_out", SHAPES)
@pytest.mark.parametrize("fn", LAW_CASES)
def test_law(case, fn, fan_in, fan_out):
    w = call(case, fn, fan_in, fan_out, seed=fan_in + 7 * FUNCTIONS.index(fn))
    check_law(case, fn, fan_in, fan_out, w)


@pytest.mark.catches("gain-ignored")
@pytest.mark.parametrize("fn", ["xavier_uniform", "xavier_normal"])
def test_gain(case, fn):
    # 0.75 is calculate_gain("selu"); left out, it makes the variance 16/9 times too large.
    w = call(case, fn, 120, 150, seed=40 + FUNCTIONS.index(fn), gain=0.75)
    check_law(case, fn, 120, 150, w, gain=0.75)


# -- the generator ----------------------------------------------------------------------

@pytest.mark.catches("global-random-state")
def test_same_seed_same_draws(case):
    for fn in FUNCTIONS:
        first, second = (np.asarray(case.run(fn, 20, 10, case.generator(11))) for _ in range(2))
        case.require(np.array_equal(first, second),
                     f"{fn}: two generators seeded alike gave different weights: draw from the generator passed "
                     "in, not from a global random state", means="global-random-state")


def test_other_seeds_other_draws(case):
    for fn in FUNCTIONS:
        first, second = (np.asarray(case.run(fn, 20, 10, case.generator(seed))) for seed in (12, 13))
        case.require(not np.array_equal(first, second),
                     f"{fn}: generators seeded 12 and 13 gave the same weights: draw from the generator passed in")


def timing_case(rng):
    return "kaiming_normal", (1024, 1024, Seeded(0)), {}
