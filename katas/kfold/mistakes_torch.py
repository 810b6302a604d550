"""The classic mistakes of kfold_indices, PyTorch track: one class per mistake."""

import torch


def _splits(order, sizes, n_samples):
    """(train, test) pairs cut from `order` in folds of `sizes`, both sorted."""
    splits, start = [], 0
    for size in sizes:
        size = int(size)
        test = torch.sort(order[start:start + size]).values
        keep = torch.ones(n_samples, dtype=torch.bool, device=order.device)
        keep[test] = False
        splits.append((torch.nonzero(keep).flatten(), test))
        start += size
    return splits


def _device(generator):
    return generator.device if generator is not None else torch.device("cpu")


def _order(n_samples, shuffle, generator):
    if not shuffle:
        return torch.arange(n_samples, device=_device(generator))
    return torch.randperm(n_samples, generator=generator, device=_device(generator))


def _sizes(n_samples, n_splits):
    base, extra = divmod(n_samples, n_splits)
    return [base + (fold < extra) for fold in range(n_splits)]


class remainder_on_last_fold:
    def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        size = n_samples // n_splits
        sizes = [size] * (n_splits - 1) + [n_samples - size * (n_splits - 1)]
        return _splits(_order(n_samples, shuffle, generator), sizes, n_samples)


class remainder_dropped:
    def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        return _splits(_order(n_samples, shuffle, generator), [n_samples // n_splits] * n_splits, n_samples)


class overlapping_folds:
    def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        order = _order(n_samples, shuffle, generator)
        sizes = _sizes(n_samples, n_splits)
        splits, start = [], 0
        for size in sizes:
            test = torch.sort(order[start:start + size + 1]).values  # one past the fold's end
            keep = torch.ones(n_samples, dtype=torch.bool, device=order.device)
            keep[test] = False
            splits.append((torch.nonzero(keep).flatten(), test))
            start += size
        return splits


class no_split_check:
    def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
        if n_splits == 0:
            return []
        sizes = _sizes(n_samples, n_splits)
        return _splits(_order(n_samples, shuffle, generator), sizes, n_samples)


class unsorted_indices:
    def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        order = _order(n_samples, shuffle, generator)
        sizes = _sizes(n_samples, n_splits)
        splits, start = [], 0
        for size in sizes:
            # The permuted order, cut as it is: sorted only when nothing was shuffled.
            test = order[start:start + size]
            train = torch.cat([order[:start], order[start + size:]])
            splits.append((train, test))
            start += size
        return splits


class global_random_state:
    def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        order = torch.arange(n_samples, device=_device(generator))
        if shuffle:
            order = order[torch.randperm(n_samples)]  # the global generator, not the one passed in
        sizes = _sizes(n_samples, n_splits)
        return _splits(order, sizes, n_samples)


class shuffle_ignored:
    def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        sizes = _sizes(n_samples, n_splits)
        return _splits(torch.arange(n_samples, device=_device(generator)), sizes, n_samples)


class test_folds_only:
    def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
        if not 2 <= n_splits <= n_samples:
            raise ValueError("bad n_splits")
        sizes = _sizes(n_samples, n_splits)
        return [test for _, test in _splits(_order(n_samples, shuffle, generator), sizes, n_samples)]
