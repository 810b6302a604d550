"""The classic mistakes of kfold_indices, NumPy track: one class per mistake."""

import numpy as np


def _splits(order, sizes, n_samples):
    """(train, test) pairs cut from `order` in folds of `sizes`, both sorted."""
    splits, start = [], 0
    for size in sizes:
        test = np.sort(order[start:start + size])
        splits.append((np.setdiff1d(np.arange(n_samples), test), test))
        start += size
    return splits


def _order(n_samples, shuffle, rng):
    if not shuffle:
        return np.arange(n_samples)
    return (np.random.default_rng() if rng is None else rng).permutation(n_samples)


class remainder_on_last_fold:
    def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        size = n_samples // n_splits
        sizes = [size] * (n_splits - 1) + [n_samples - size * (n_splits - 1)]
        return _splits(_order(n_samples, shuffle, rng), sizes, n_samples)


class remainder_dropped:
    def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        return _splits(_order(n_samples, shuffle, rng), [n_samples // n_splits] * n_splits, n_samples)


class overlapping_folds:
    def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        order = _order(n_samples, shuffle, rng)
        sizes = np.full(n_splits, n_samples // n_splits)
        sizes[: n_samples % n_splits] += 1
        splits, start = [], 0
        for size in sizes:
            test = np.sort(order[start:start + size + 1])  # one past the fold's end
            splits.append((np.setdiff1d(np.arange(n_samples), test), test))
            start += size
        return splits


class no_split_check:
    def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
        if n_splits == 0:
            return []
        sizes = np.full(n_splits, n_samples // n_splits)
        sizes[: n_samples % n_splits] += 1
        return _splits(_order(n_samples, shuffle, rng), sizes, n_samples)


class unsorted_indices:
    def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        order = _order(n_samples, shuffle, rng)
        sizes = np.full(n_splits, n_samples // n_splits)
        sizes[: n_samples % n_splits] += 1
        splits, start = [], 0
        for size in sizes:
            # The permuted order, cut as it is: sorted only when nothing was shuffled.
            test = order[start:start + size]
            train = np.concatenate([order[:start], order[start + size:]])
            splits.append((train, test))
            start += size
        return splits


class global_random_state:
    def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        order = np.arange(n_samples)
        if shuffle:
            np.random.shuffle(order)  # the module's global generator, not rng
        sizes = np.full(n_splits, n_samples // n_splits)
        sizes[: n_samples % n_splits] += 1
        return _splits(order, sizes, n_samples)


class shuffle_ignored:
    def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        sizes = np.full(n_splits, n_samples // n_splits)
        sizes[: n_samples % n_splits] += 1
        return _splits(np.arange(n_samples), sizes, n_samples)


class test_folds_only:
    def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        sizes = np.full(n_splits, n_samples // n_splits)
        sizes[: n_samples % n_splits] += 1
        return [test for _, test in _splits(_order(n_samples, shuffle, rng), sizes, n_samples)]
