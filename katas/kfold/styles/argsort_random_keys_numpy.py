# expect: pass
import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("bad n_splits")
    if shuffle:
        rng = rng if rng is not None else np.random.default_rng()
        order = np.argsort(rng.random(n_samples))  # a uniform permutation from random keys
    else:
        order = np.arange(n_samples)
    fold_of = np.empty(n_samples, dtype=np.int64)
    sizes = [n_samples // n_splits + (k < n_samples % n_splits) for k in range(n_splits)]
    bounds = np.cumsum([0] + sizes)
    for k in range(n_splits):
        fold_of[order[bounds[k]:bounds[k + 1]]] = k
    everything = np.arange(n_samples)
    return [(everything[fold_of != k], everything[fold_of == k]) for k in range(n_splits)]
