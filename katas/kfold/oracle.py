"""The outside oracle for kfold_indices.

PyTorch has no k-fold splitter, so the oracle builds the unshuffled folds a
second, independent way: torch.tensor_split, whose sections for an
indivisible length are the same as scikit-learn's KFold (the first
n % k sections one longer), and the training set as the complement through
torch.isin. Shuffled folds depend on the generator: both tracks' references
are held to the properties of the contract by check_shuffled.
"""

import numpy as np
import torch

from grader.confined.track_values import Seeded


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    assert not shuffle
    everything = torch.arange(n_samples)
    return [(everything[~torch.isin(everything, test)], test)
            for test in torch.tensor_split(everything, n_splits)]


CASES = [(10, 3), (7, 2), (13, 4), (100, 7), (10, 5), (2, 2), (5, 5), (12, 3)]


def inputs(dtype):
    for n_samples, n_splits in CASES:
        yield "kfold_indices", (n_samples, n_splits)
    yield "kfold_indices", (9, 4, False)


def check_bad_splits_raise(track, implementation):
    split = implementation(track).kfold_indices
    for n_samples, n_splits in [(5, 1), (5, 0), (5, 6), (1, 2)]:
        try:
            split(n_samples, n_splits)
        except ValueError:
            continue
        raise AssertionError(f"{track}: n_splits={n_splits} with {n_samples} samples did not raise ValueError")


def check_shuffled(track, implementation):
    """Shuffled folds: a sorted partition with the contract's sizes, repeatable for one seed,
    different for others."""
    split = implementation(track).kfold_indices
    seen = set()
    for seed in range(20):
        splits = split(23, 5, True, Seeded(seed).build(track))
        again = split(23, 5, True, Seeded(seed).build(track))
        tests = [np.asarray(test) for _, test in splits]
        assert [t.size for t in tests] == [5, 5, 5, 4, 4]
        assert np.array_equal(np.sort(np.concatenate(tests)), np.arange(23))
        for (train, test), (train2, test2) in zip(splits, again):
            train, test = np.asarray(train), np.asarray(test)
            assert np.all(np.diff(test) > 0) and np.all(np.diff(train) > 0)
            assert np.array_equal(np.union1d(train, test), np.arange(23))
            assert np.array_equal(test, np.asarray(test2)) and np.array_equal(train, np.asarray(train2))
        seen.add(tuple(np.concatenate(tests)))
    assert len(seen) == 20


def check_shuffle_draws_uniform_permutations(track, implementation):
    """Over 400 seeds, each of 4 indices lands in each of 2 folds about half the time, and
    indices 0 and 1 share a fold about a third of the time ((2 - 1) / (4 - 1)); the bounds are
    6 standard deviations."""
    split = implementation(track).kfold_indices
    counts = np.zeros((4, 2))
    together = 0
    for seed in range(400):
        splits = split(4, 2, True, Seeded(seed).build(track))
        for fold, (_, test) in enumerate(splits):
            test = np.asarray(test)
            counts[test, fold] += 1
            together += bool(np.isin([0, 1], test).all())
    assert np.all(np.abs(counts - 200) <= 60), counts
    assert abs(together - 400 / 3) <= 57, together
