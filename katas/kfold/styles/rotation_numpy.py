# expect: fail
# A random rotation instead of a permutation: every index still lands in
# every fold equally often, but neighbours stay together.
import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError("bad n_splits")
    order = np.arange(n_samples)
    if shuffle:
        rng = rng if rng is not None else np.random.default_rng()
        order = np.roll(order, int(rng.integers(n_samples)))
    folds = [np.sort(f) for f in np.array_split(order, n_splits)]
    return [(np.setdiff1d(np.arange(n_samples), f), f) for f in folds]
