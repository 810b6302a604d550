"""Hidden cases for kfold_indices.

Which case catches which classic mistake:
- the unshuffled splits are compared with the reference's whole output:
  sizes that do not divide evenly catch a remainder piled on the last fold
  or dropped, a test slice one index too long catches overlapping folds,
  and a list of test folds alone fails its structure;
- n_splits of 1, 0 and more than n_samples must raise ValueError;
- shuffled splits cannot be compared with the reference's (a learner may
  draw the permutation any way it likes), so they are held to properties:
  a partition into folds of the right sizes with sorted indices; the same
  split from two generators of one seed (a global random state fails);
  other splits from other seeds (an ignored shuffle fails); and, over 200
  seeds, each index landing in each fold, and indices 0 and 1 sharing a
  test fold, as often as a uniform permutation makes them. Those margins
  are 5.5 binomial standard deviations: the exact tail probabilities are
  4.3e-8 per (index, fold) count and 1.1e-7 for the pair, so a right file
  fails them with probability below 1e-6 (union bound over 19 counts).
"""

import numpy as np
import pytest


def check_partition(case, splits, n_samples, n_splits):
    """The properties every split must have, shuffled or not."""
    case.require(isinstance(splits, list) and len(splits) == n_splits,
                 f"expected a list of {n_splits} (train_idx, test_idx) pairs")
    base, extra = divmod(n_samples, n_splits)
    seen = []
    for fold, pair in enumerate(splits):
        case.require(isinstance(pair, tuple) and len(pair) == 2, f"fold {fold} is not a (train_idx, test_idx) pair")
        train, test = (np.asarray(part) for part in pair)
        size = base + (fold < extra)
        case.require(test.shape == (size,), f"fold {fold} holds {test.size} test indices; with {n_samples} samples "
                     f"in {n_splits} folds it must hold {size} (the first {extra} folds take one more)")
        case.require(np.all(np.diff(test) > 0) and np.all(np.diff(train) > 0),
                     f"fold {fold}: train_idx and test_idx must each be sorted ascending, without repeats",
                     means="unsorted-indices")
        case.require(np.array_equal(np.union1d(train, test), np.arange(n_samples)) and
                     np.intersect1d(train, test).size == 0,
                     f"fold {fold}: train_idx and test_idx must split 0 .. {n_samples - 1} between them")
        seen.append(test)
    tested = np.sort(np.concatenate(seen))
    case.require(np.array_equal(tested, np.arange(n_samples)),
                 "the test folds must cover every index exactly once")


# -- the worked example and unshuffled folds ----------------------------------------

def test_worked_example(case):
    case.same("kfold_indices", 10, 3)


@pytest.mark.catches("remainder-on-last-fold", "remainder-dropped")
@pytest.mark.parametrize("n_samples, n_splits", [(7, 2), (13, 4), (11, 5), (100, 7)])
def test_uneven_folds(case, n_samples, n_splits):
    case.same("kfold_indices", n_samples, n_splits)


@pytest.mark.catches("overlapping-folds", "test-folds-only")
@pytest.mark.parametrize("n_samples, n_splits", [(10, 5), (2, 2), (5, 5), (12, 3)])
def test_even_folds(case, n_samples, n_splits):
    case.same("kfold_indices", n_samples, n_splits)


def test_shuffle_false_ignores_the_generator(case):
    case.same("kfold_indices", 9, 4, False, case.generator(0))


@pytest.mark.catches("no-split-check")
@pytest.mark.parametrize("n_samples, n_splits, why", [
    (5, 1, "n_splits=1 (one fold leaves nothing to train on)"),
    (5, 0, "n_splits=0"),
    (5, 6, "n_splits=6 > n_samples=5 (a fold would be empty)"),
])
def test_bad_n_splits(case, n_samples, n_splits, why):
    case.raises("kfold_indices", "ValueError", n_samples, n_splits, why=why)


# -- shuffled folds: properties and statistics --------------------------------------

@pytest.mark.catches("unsorted-indices")
@pytest.mark.parametrize("n_samples, n_splits, seed", [(10, 3, 1), (23, 5, 2), (6, 6, 3)])
def test_shuffled_folds_partition(case, n_samples, n_splits, seed):
    splits = case.run("kfold_indices", n_samples, n_splits, True, case.generator(seed))
    check_partition(case, splits, n_samples, n_splits)


def test_shuffle_without_a_generator(case):
    splits = case.run("kfold_indices", 12, 5, True)
    check_partition(case, splits, 12, 5)


@pytest.mark.catches("global-random-state")
def test_same_seed_same_split(case):
    first, second = (case.run("kfold_indices", 20, 4, True, case.generator(7)) for _ in range(2))
    same = all(np.array_equal(a, b) for f, s in zip(first, second) for a, b in zip(f, s))
    case.require(same, "two generators seeded alike gave different splits: draw the permutation from the "
                 "generator passed in, not from a global random state", means="global-random-state")


@pytest.mark.catches("shuffle-ignored")
def test_shuffle_moves_indices(case):
    contiguous = [test for _, test in case.expected("kfold_indices", 20, 4)]
    tests = [[np.asarray(test) for _, test in case.run("kfold_indices", 20, 4, True, case.generator(seed))]
             for seed in range(10, 20)]
    unmoved = all(all(np.array_equal(a, b) for a, b in zip(split, contiguous)) for split in tests)
    case.require(not unmoved, "shuffle=True gave the contiguous folds of shuffle=False for ten seeds: "
                 "permute the indices before cutting the folds", means="shuffle-ignored")
    distinct = {tuple(np.concatenate(split)) for split in tests}
    case.require(len(distinct) >= 8, f"ten seeds gave only {len(distinct)} different splits")


SEEDS = range(100, 300)  # 200 draws


def test_folds_are_drawn_uniformly(case):
    n_samples, n_splits = 6, 3
    counts = np.zeros((n_samples, n_splits), dtype=int)
    together = 0
    for seed in SEEDS:
        splits = case.run("kfold_indices", n_samples, n_splits, True, case.generator(seed))
        for fold, (_, test) in enumerate(splits):
            counts[np.asarray(test, dtype=int), fold] += 1
            together += bool(np.isin([0, 1], test).all())
    # Each index lies in each fold with probability 1/3: 66.7 of 200 on average, sd 6.7.
    low, high = counts.min(), counts.max()
    case.require(30 <= low and high <= 103,
                 f"over 200 seeds an index landed in one fold {high if high > 103 else low} times, where a uniform "
                 "permutation gives 67 (30 to 103): the shuffle is biased")
    # Indices 0 and 1 share a test fold with probability (2 - 1) / (6 - 1) = 1/5: 40 of 200, sd 5.7.
    case.require(9 <= together <= 71,
                 f"over 200 seeds indices 0 and 1 shared a test fold {together} times, where a uniform "
                 "permutation gives 40 (9 to 71): neighbours stay together, so the order is not shuffled")


def timing_case(rng):
    return "kfold_indices", (20_000, 10, True, None), {}
