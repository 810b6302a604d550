"""Hidden cases for ctc_loss and ctc_greedy_decode.

Which case catches which classic mistake:
- a recursion in probabilities gives inf wherever the likelihood is below
  the smallest float: the T = 200 cases (a loss above 1000, far past 745 in
  float64 and 103 in float32);
- the blank skipped between equal labels adds paths that decode to fewer
  labels: every target with a repeat, and [1, 1] at T = 2, which must be inf;
- only the final blank read at the end drops the paths that end on the last
  label: every non-empty target;
- alpha started in the leading blank only (the mirror image) drops the paths
  that start on the first label: every non-empty target but the one whose
  first frame is all but certain blank;
- blanks dropped before repeats are merged turns [1, 0, 1] into [1].
"""

import numpy as np
import pytest


def log_softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def frames(rng, T, C, scale=2.0):
    return log_softmax(rng.normal(size=(T, C)) * scale)


def labels(values):
    return np.array(values, dtype=np.int64)


def one_hot_frames(best, C=3):
    """Log-probabilities whose argmax at frame t is best[t]."""
    p = np.full((len(best), C), 0.1 / (C - 1))
    p[np.arange(len(best)), best] = 0.9
    return np.log(p)


# -- the worked example --------------------------------------------------------

@pytest.mark.catches("last-state-only", "blank-start-only")
def test_worked_example(case):
    p = np.array([[0.6, 0.3, 0.1], [0.5, 0.2, 0.3]])
    case.same("ctc_loss", np.log(p), labels([1]))


def test_worked_example_repeat_just_fits(case):
    case.same("ctc_loss", np.log(np.full((3, 2), 0.5)), labels([1, 1]))


@pytest.mark.catches("skip-between-repeats")
def test_worked_example_repeat_cannot_fit(case):
    case.same("ctc_loss", np.log(np.full((2, 2), 0.5)), labels([1, 1]))


# -- shapes and targets --------------------------------------------------------

def test_single_frame(case):
    case.same("ctc_loss", frames(case.rng(1), 1, 4), labels([3]))


def test_empty_target(case):
    case.same("ctc_loss", frames(case.rng(2), 5, 4), labels([]))


def test_empty_target_single_frame(case):
    case.same("ctc_loss", frames(case.rng(3), 1, 3), labels([]))


@pytest.mark.catches("skip-between-repeats", "last-state-only")
def test_repeats(case):
    case.same("ctc_loss", frames(case.rng(4), 8, 5), labels([3, 3, 1, 3, 3]))


@pytest.mark.catches("last-state-only", "blank-start-only")
def test_distinct_labels(case):
    case.same("ctc_loss", frames(case.rng(5), 10, 6), labels([1, 4, 2, 5]))


def blank_frame(lp, t, blank=0):
    """Frame t made all but certain blank (every other class at log-probability -30)."""
    lp = lp.copy()
    lp[t] = -30.0
    lp[t, blank] = np.log1p(-(lp.shape[1] - 1) * np.exp(-30.0))
    return lp


@pytest.mark.catches("last-state-only")
def test_first_frame_blank(case):
    # Only paths starting in the blank count; a path must still be free to end
    # on the last label.
    case.same("ctc_loss", blank_frame(frames(case.rng(14), 7, 5), 0), labels([2, 4, 1]))


@pytest.mark.catches("blank-start-only")
def test_last_frame_blank(case):
    # Every path that counts ends in the final blank; one must still be free to
    # start on the first label.
    case.same("ctc_loss", blank_frame(frames(case.rng(15), 7, 5), -1), labels([2, 4, 1]))


def test_target_longer_than_frames(case):
    case.same("ctc_loss", frames(case.rng(6), 2, 5), labels([1, 2, 3]))


@pytest.mark.catches("skip-between-repeats")
def test_repeats_one_frame_short(case):
    # [2, 2, 2] needs 5 frames: 2 _ 2 _ 2.
    case.same("ctc_loss", frames(case.rng(7), 4, 4), labels([2, 2, 2]))


@pytest.mark.catches("skip-between-repeats", "last-state-only")
@pytest.mark.parametrize("blank", [4, 2])
def test_nonzero_blank(case, blank):
    # Label 0 is an ordinary class here.
    case.same("ctc_loss", frames(case.rng(8), 9, 5), labels([0, 3, 3, 1]), blank=blank)


@pytest.mark.catches("last-state-only")
def test_medium_length(case):
    rng = case.rng(9)
    case.same("ctc_loss", frames(rng, 50, 10), rng.integers(1, 10, size=12))


# -- long inputs: log space ----------------------------------------------------

@pytest.mark.catches("probability-space")
def test_t200_underflows_in_probabilities(case):
    rng = case.rng(10)
    case.same("ctc_loss", frames(rng, 200, 30, scale=4.0), rng.integers(1, 30, size=60))


@pytest.mark.catches("probability-space")
def test_t200_nonzero_blank(case):
    rng = case.rng(11)
    case.same("ctc_loss", frames(rng, 200, 20, scale=4.0), rng.integers(0, 19, size=40), blank=19)


# -- greedy decoding -----------------------------------------------------------

@pytest.mark.parametrize("best", [
    pytest.param([1, 1, 0, 1], marks=pytest.mark.catches("blanks-removed-before-merging")),
    pytest.param([1, 0, 1], marks=pytest.mark.catches("blanks-removed-before-merging")),
    [1, 1],
    pytest.param([0, 2, 2, 0, 0, 2, 1, 0], marks=pytest.mark.catches("blanks-removed-before-merging")),
])
def test_greedy_collapse(case, best):
    case.same("ctc_greedy_decode", one_hot_frames(best))


def test_greedy_all_blank(case):
    case.same("ctc_greedy_decode", one_hot_frames([0, 0, 0]))


def test_greedy_single_frame(case):
    case.same("ctc_greedy_decode", frames(case.rng(12), 1, 4))


@pytest.mark.catches("blanks-removed-before-merging")
def test_greedy_random(case):
    case.same("ctc_greedy_decode", frames(case.rng(13), 40, 3, scale=1.0))


@pytest.mark.catches("blanks-removed-before-merging")
def test_greedy_nonzero_blank(case):
    case.same("ctc_greedy_decode", one_hot_frames([2, 1, 2, 1, 1, 0, 2, 0, 0]), blank=2)


def timing_case(rng):
    return "ctc_loss", (frames(rng, 200, 30, scale=4.0), rng.integers(1, 30, size=60)), {}
