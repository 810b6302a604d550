# expect: pass
import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("need 2 <= n_splits <= n_samples")
    order = np.arange(n_samples)
    if shuffle:
        order = (rng or np.random.default_rng()).permutation(n_samples)
    base, extra = divmod(n_samples, n_splits)
    out, start = [], 0
    for k in range(n_splits):
        stop = start + base + (1 if k < extra else 0)
        mask = np.zeros(n_samples, bool)
        mask[order[start:stop]] = True
        out.append((np.where(~mask)[0], np.where(mask)[0]))
        start = stop
    return out
