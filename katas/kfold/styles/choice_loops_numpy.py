# expect: pass
import numpy as np


def kfold_indices(n_samples, n_splits, shuffle=False, rng=None):
    if not (2 <= n_splits <= n_samples):
        raise ValueError("n_splits out of range")
    if shuffle:
        rng = rng if rng is not None else np.random.default_rng()
        order = list(rng.choice(n_samples, size=n_samples, replace=False))
    else:
        order = list(range(n_samples))
    result = []
    start = 0
    for k in range(n_splits):
        size = n_samples // n_splits
        if k < n_samples % n_splits:
            size += 1
        test = sorted(order[start:start + size])
        test_set = set(test)
        train = [i for i in range(n_samples) if i not in test_set]
        result.append((np.array(train, dtype=np.int64), np.array(test, dtype=np.int64)))
        start += size
    return result
