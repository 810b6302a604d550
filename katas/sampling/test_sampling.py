"""Hidden cases for top_k_filter, top_p_filter, sample and greedy.

The filters and greedy are deterministic and compared with the reference
(case.same) wherever the logits are untied. On tied logits which of the
tied survive is the learner's choice, so those cases check the count of
finite entries per row (exactly k; exactly the nucleus size) and that every
kept entry is unchanged and >= the value at the cut-off. No case puts a
cumulative probability within 0.006 of p, so the comparison "reaches p"
(cumulative >= p) is the same in float32 and float64, summed in any order.

sample is random and a learner may draw any way it likes, so it is held to
its distribution: tokens are drawn with generators seeded 1000.., one call
each, and every token's count must lie in a window of 5.5 binomial sd
about n q (q the renormalised probability; a token with q = 0 is never
drawn). Exact tail probabilities (scipy.stats.binom, computed offline) of
a right file failing, per token, added up (a union bound):
- temperature 5 then top-p 0.9, n = 200, q = 0.377, 0.229, 0.207, 0.187:
  windows 38..113, 14..78, 10..72, 8..67, P = 2.8e-8 + 1.07e-7 + 1.95e-7
  + 2.19e-7 = 5.5e-7;
- top-k 3 then top-p 0.75, n = 120, q = 0.6225 / 0.3775 (one count decides
  the other): window 46..103 for the first, P = 3.8e-8;
- temperature 5 then top-k 2, n = 150, q = 0.540 / 0.460: window 48..114,
  P = 2.5e-8;
- 16 seeds on four equal logits all giving one token: 4^-15 = 9.3e-10.
A right file fails some case with probability below 6.2e-7.
A failure names a mistake only when its distribution is the one candidate
the counts fit in the same windows, and more than one token was drawn:
- first case: temperature after the filters draws 0.622 / 0.378 from the
  two tokens of the raw nucleus; dropping the crossing token, 0.464,
  0.281, 0.255 and never the fourth; T * logits, only the top token; no
  temperature at all, 0.924 / 0.076. Each pair has a token whose windows
  are disjoint, except T * logits against no temperature, which is left
  unnamed here;
- third case: T * logits draws the top token 0.982 of the time (window
  139..150), no temperature 0.690 (73..134), a right file 0.540 (48..114);
- second case: a nucleus taken on the distribution before top-k keeps a
  third token of probability 0.186 (it escapes 120 draws with
  0.814^120 = 1.9e-11).
One seed twice gives one token: a global random state repeats 16 draws of
four equal logits with probability 4^-16 = 2.3e-10.
"""

import math

import numpy as np
import pytest

from grader.confined.track_values import Seeded

SDS = 5.5


def shape_id(shape):
    return "x".join(map(str, shape))


def _softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def _nucleus(z, p, crossing=True):
    """The renormalised distribution of softmax(z) restricted to its top-p nucleus."""
    probs = _softmax(z)
    order = np.argsort(-z, kind="stable")
    cumulative = np.cumsum(probs[order])
    keep = np.zeros(z.shape, dtype=bool)
    keep[order[(cumulative - probs[order] < p) if crossing else (cumulative < p)]] = True
    keep[order[0]] = True
    return _restricted(z, keep)


def _top_k(z, k):
    keep = np.zeros(z.shape, dtype=bool)
    keep[np.argsort(-z, kind="stable")[:k]] = True
    return keep


def _restricted(z, keep):
    return _softmax(np.where(keep, z, -np.inf))


def _window(n, q):
    sd = math.sqrt(n * q * (1 - q))
    return math.ceil(n * q - SDS * sd), math.floor(n * q + SDS * sd)


def _fits(counts, q):
    n = int(counts.sum())
    return all(lo <= c <= hi for c, (lo, hi) in zip(counts, (_window(n, qi) for qi in q)))


def draw(case, logits, n, **kwargs):
    """Token counts of n calls, each with a fresh generator (seeds 1000 .. 1000 + n - 1)."""
    tokens = [case.run("sample", logits, case.generator(1000 + i), **kwargs) for i in range(n)]
    bad = [t for t in tokens if not isinstance(t, (int, np.integer)) or isinstance(t, bool) or not 0 <= t < len(logits)]
    case.require(not bad, f"sample returned {bad[0]!r}: it must return a token index, a Python int in "
                 f"0 .. {len(logits) - 1}" if bad else "")
    return np.bincount(np.array(tokens, dtype=np.int64), minlength=len(logits))


def check_counts(case, counts, expected, what, candidates=()):
    """Every count in its 5.5 sd window about n q. On failure, name a mistake only when its
    distribution is the one candidate (named or not) that the counts fit, and more than one
    token was drawn (a file that always draws one token is not telling its distribution)."""
    if _fits(counts, expected):
        return
    n = int(counts.sum())
    outside = [t for t in range(len(counts)) if expected[t] == 0 and counts[t] > 0]
    said = (f"{what}: {n} draws gave the tokens {counts.tolist()} times; the renormalised distribution "
            f"{np.round(expected, 3).tolist()} expects about {np.round(n * expected).astype(int).tolist()}")
    if outside:
        said += f", and token {outside[0]} is outside the kept set"
    fitting = [(mistake, q, why) for mistake, q, why in candidates if _fits(counts, q)]
    if len(fitting) == 1:
        mistake, q, why = fitting[0]
        said += f": the counts fit {np.round(q, 3).tolist()}, {why}"
        case.require(False, said, means=mistake if np.count_nonzero(counts) > 1 else None)
    case.require(False, said)


# -- the worked example ------------------------------------------------------------

LOGITS_EXAMPLE = np.array([1.0, 3.0, -0.5, 2.0, 0.0])


def test_worked_example_top_k(case):
    case.same("top_k_filter", LOGITS_EXAMPLE, 2)


@pytest.mark.catches("nucleus-drops-crossing-token")
def test_worked_example_top_p(case):
    case.same("top_p_filter", LOGITS_EXAMPLE, 0.8)


# -- top_k_filter ------------------------------------------------------------------------

@pytest.mark.parametrize("shape, k", [((5,), 2), ((3, 6), 4), ((2, 3, 5), 1), ((2, 4), 4)],
                         ids=lambda v: shape_id(v) if isinstance(v, tuple) else f"k{v}")
def test_top_k(case, shape, k):
    case.same("top_k_filter", case.rng(sum(shape) + k).normal(size=shape), k)


def check_tied_filter(case, logits, out, sizes, what, means=None):
    """Exactly sizes[row] finite entries per row, each unchanged and >= the row's sizes-th largest."""
    case.require(out.shape == logits.shape, f"{what} returned shape {out.shape}; the logits have {logits.shape}")
    kept = np.isfinite(out)
    case.require(np.all(out[~kept] == -np.inf), f"{what}: removed logits must be -inf")
    case.require(np.array_equal(out[kept], logits[kept]), f"{what}: a kept logit was changed")
    for row, (values, keep, size) in enumerate(zip(logits.reshape(-1, logits.shape[-1]),
                                                   kept.reshape(-1, logits.shape[-1]), sizes)):
        cut = np.sort(values)[::-1][size - 1]
        case.require(int(keep.sum()) == size,
                     f"{what}: row {row} {values.tolist()} kept {int(keep.sum())} tokens where it must keep exactly "
                     f"{size}: on ties at the cut-off keep only as many of the tied as fit",
                     means=means if int(keep.sum()) == int((values >= cut).sum()) else None)
        case.require(np.all(values[keep] >= cut),
                     f"{what}: row {row} kept {values[keep].tolist()}, not the {size} largest of {values.tolist()}")


@pytest.mark.catches("top-k-keeps-ties")
def test_top_k_ties(case):
    logits = np.array([[1.0, 3.0, 3.0, 3.0, 0.0], [2.0, 2.0, 2.0, 2.0, 2.0], [0.5, -1.0, 0.5, 4.0, 0.5]])
    out = case.run("top_k_filter", logits, 2)
    check_tied_filter(case, logits, out, [2, 2, 2], "top_k_filter(logits, 2)", means="top-k-keeps-ties")


# -- top_p_filter -----------------------------------------------------------------------------

@pytest.mark.catches("nucleus-drops-crossing-token")
@pytest.mark.parametrize("seed, shape, p", [(11, (6,), 0.9), (12, (3, 5), 0.5), (13, (2, 2, 7), 0.75)],
                         ids=lambda v: shape_id(v) if isinstance(v, tuple) else str(v))
def test_top_p(case, seed, shape, p):
    case.same("top_p_filter", case.rng(seed).normal(size=shape) * 1.5, p)


def test_top_p_small_p_keeps_the_top_token(case):
    case.same("top_p_filter", case.rng(14).normal(size=(4, 5)), 0.01)


def test_top_p_after_top_k(case):
    # Logits that are already -inf (a top-k ran first) get probability 0 and stay out.
    logits = case.rng(15).normal(size=(2, 6)) * 2
    logits[0, [1, 4]] = -np.inf
    logits[1, [0, 2, 3]] = -np.inf
    case.same("top_p_filter", logits, 0.9)


def test_top_p_large_logits(case):
    # softmax without subtracting the maximum overflows here (exp(1000), or exp(100) in float32).
    case.same("top_p_filter", np.array([[1000.0, 998.5, 999.2, 990.0], [-1000.0, -1002.0, -999.0, -1001.0]]), 0.7)


def test_top_p_ties(case):
    # Three tied tokens of probability 0.3146 each (and 0.0563): p = 0.5 needs two of them,
    # p = 0.9 all three and not the fourth.
    logits = np.array([[2.0, 2.0, 0.0, 2.0], [2.0, 2.0, 0.0, 2.0]])
    out = case.run("top_p_filter", logits[:1], 0.5)
    check_tied_filter(case, logits[:1], out, [2], "top_p_filter(logits, 0.5)")
    out = case.run("top_p_filter", logits[1:], 0.9)
    check_tied_filter(case, logits[1:], out, [3], "top_p_filter(logits, 0.9)")


# -- greedy ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("logits", [[0.3, -1.0, 2.5, 2.4, 0.0], [-np.inf, -3.0, -np.inf, -2.0], [7.0]],
                         ids=["plain", "with-inf", "one-token"])
def test_greedy(case, logits):
    case.same("greedy", np.array(logits))


def test_greedy_ties_go_to_the_lowest_index(case):
    case.same("greedy", np.array([1.0, 4.0, -2.0, 4.0, 4.0]))


# -- sample: deterministic calls ------------------------------------------------------------------

def test_sample_top_k_one_is_greedy(case):
    logits = case.rng(20).normal(size=7)
    for seed in (1, 2, 3):
        case.same("sample", logits, case.generator(seed), 1.3, 1)


def test_sample_tiny_top_p_is_greedy(case):
    case.same("sample", np.array([0.2, 1.9, 1.7, -0.4]), case.generator(4), top_p=0.05)


# -- sample: statistics ----------------------------------------------------------------------------

# 3, 0.5, 0, -0.5 out of order. At T = 5 the nucleus of p = 0.9 is all four tokens; on the
# raw logits it is two, and T * logits leaves one.
LOGITS_NUCLEUS = np.array([0.0, 3.0, -0.5, 0.5])
IGNORED = "those of the logits without the temperature: divide the logits by it"


@pytest.mark.catches("temperature-after-filters")
def test_sample_temperature_then_top_p(case):
    z, temperature, p = LOGITS_NUCLEUS, 5.0, 0.9
    counts = draw(case, z, 200, temperature=temperature, top_p=p)
    check_counts(case, counts, _nucleus(z / temperature, p), "sample(logits, rng, temperature=5, top_p=0.9)", [
        ("temperature-after-filters", _restricted(z / temperature, _nucleus(z, p) > 0),
         "the nucleus of the raw logits: divide by the temperature before filtering"),
        ("nucleus-drops-crossing-token", _nucleus(z / temperature, p, crossing=False),
         "a nucleus without the token that crosses p"),
        (None, _nucleus(z * temperature, p), "those of softmax(logits * T): the temperature divides the logits"),
        (None, _nucleus(z, p), IGNORED),
    ])


# 2, 1.5, 1, 0.3, 0 out of order: top-k 3 leaves 0.5065, 0.3072, 0.1863, whose
# nucleus of 0.75 is two tokens (on the unfiltered distribution it would be three).
LOGITS_BOTH = np.array([1.0, 0.0, 2.0, 0.3, 1.5])


def test_sample_top_k_then_top_p(case):
    z = LOGITS_BOTH
    counts = draw(case, z, 120, top_k=3, top_p=0.75)
    expected = _nucleus(np.where(_top_k(z, 3), z, -np.inf), 0.75)
    check_counts(case, counts, expected, "sample(logits, rng, top_k=3, top_p=0.75): top-p runs on what top-k left")


# The top two 0.8 apart: at T = 5 they are drawn 0.540 / 0.460, without the temperature
# 0.690 / 0.310, with T * logits 0.982 / 0.018.
LOGITS_TOP_K = np.array([-1.0, 0.2, -0.5, 1.0])


@pytest.mark.catches("temperature-multiplied")
def test_sample_high_temperature_top_k(case):
    z, temperature = LOGITS_TOP_K, 5.0
    counts = draw(case, z, 150, temperature=temperature, top_k=2)
    check_counts(case, counts, _restricted(z / temperature, _top_k(z, 2)), "sample(logits, rng, temperature=5, top_k=2)", [
        ("temperature-multiplied", _restricted(z * temperature, _top_k(z, 2)),
         "those of softmax(logits * T): the temperature divides the logits"),
        (None, _restricted(z, _top_k(z, 2)), IGNORED),
    ])


@pytest.mark.catches("global-random-state")
def test_sample_same_seed_same_token(case):
    logits = np.zeros(4)
    first, second = ([case.run("sample", logits, case.generator(seed)) for seed in range(16)] for _ in range(2))
    case.require(first == second, "two generators seeded alike gave different tokens: draw from the generator "
                 "passed in, not from a global random state", means="global-random-state")
    case.require(len(set(first)) > 1, "16 different seeds all gave the same token on four equal logits: the draw "
                 "must come from the generator passed in")


def test_sample_without_a_generator(case):
    if case.track != "torch":
        pytest.skip("the NumPy track always passes rng")
    token = case.run("sample", np.array([0.0, 1.0, 2.0]), top_k=2)
    case.require(token in (1, 2), f"sample(logits, top_k=2) returned {token!r}, outside the top two tokens")


def timing_case(rng):
    return "top_p_filter", (rng.normal(size=(256, 1000)), 0.9), {}
