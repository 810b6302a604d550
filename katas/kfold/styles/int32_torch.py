# expect: fail
import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError("bad n_splits")
    order = torch.arange(n_samples, dtype=torch.int32)
    if shuffle:
        order = order[torch.randperm(n_samples, generator=generator)]
    pairs = []
    for fold in torch.tensor_split(order, n_splits):
        test = fold.sort().values
        keep = torch.ones(n_samples, dtype=torch.bool)
        keep[test.long()] = False
        pairs.append((keep.nonzero().flatten().int(), test))
    return pairs
