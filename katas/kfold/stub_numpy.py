"""K-fold cross-validation indices in NumPy. Replace the `raise` with your code."""

import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    """Split the indices 0 .. n_samples - 1 into n_splits folds.

    Returns a list of n_splits pairs (train_idx, test_idx), one per fold in
    order: test_idx holds the fold's indices, train_idx every other index.
    Both are int64 arrays sorted ascending. The first n_samples % n_splits
    folds hold one index more than the others. Without shuffle the folds
    are contiguous (fold 0 is 0, 1, ...); with shuffle=True the indices are
    first permuted by drawing from rng (a np.random.Generator; a fresh
    unseeded one when rng is None). Raise ValueError unless
    2 <= n_splits <= n_samples.
    """
    raise NotImplementedError
