# expect: fail
import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError("bad n_splits")
    order = np.arange(n_samples, dtype=float)
    if shuffle:
        order = rng.permutation(order)
    folds = [np.sort(f) for f in np.array_split(order, n_splits)]
    return [(np.setdiff1d(np.arange(n_samples, dtype=float), f), f) for f in folds]
