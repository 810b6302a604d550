# expect: pass
import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError(f"n_splits={n_splits} with {n_samples} samples")
    idx = np.arange(n_samples)
    if shuffle:
        if rng is None:
            rng = np.random.default_rng()
        idx = idx.copy()
        rng.shuffle(idx)
    folds = [np.sort(f) for f in np.array_split(idx, n_splits)]
    return [(np.setdiff1d(np.arange(n_samples), f), f) for f in folds]
