"""Reference: k-fold cross-validation indices in NumPy."""

import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError(f"n_splits must be between 2 and n_samples={n_samples}, got {n_splits}")
    order = np.arange(n_samples)
    if shuffle:
        rng = np.random.default_rng() if rng is None else rng
        order = rng.permutation(n_samples)
    # The first n_samples % n_splits folds take one sample more, so no fold
    # is more than one sample larger than another.
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1
    splits = []
    start = 0
    for size in sizes:
        in_test = np.zeros(n_samples, dtype=bool)
        in_test[order[start:start + size]] = True
        # A mask over positions gives both index sets sorted, whatever the order drawn.
        splits.append((np.flatnonzero(~in_test), np.flatnonzero(in_test)))
        start += size
    return splits
