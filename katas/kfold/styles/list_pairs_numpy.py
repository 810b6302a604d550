# expect: fail
# Pairs as lists, not tuples, and indices as Python lists.
import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError("bad n_splits")
    folds = np.array_split(np.arange(n_samples), n_splits)
    return [[sorted(set(range(n_samples)) - set(f.tolist())), f.tolist()] for f in folds]
