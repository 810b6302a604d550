# expect: fail
# An assert where a ValueError is asked for.
import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    assert 2 <= n_splits <= n_samples, "bad n_splits"
    order = rng.permutation(n_samples) if shuffle else np.arange(n_samples)
    folds = [np.sort(f) for f in np.array_split(order, n_splits)]
    return [(np.setdiff1d(np.arange(n_samples), f), f) for f in folds]
