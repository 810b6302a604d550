"""K-fold cross-validation indices in PyTorch. Replace the `raise` with your code."""

import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    """Split the indices 0 .. n_samples - 1 into n_splits folds.

    Returns a list of n_splits pairs (train_idx, test_idx), one per fold in
    order: test_idx holds the fold's indices, train_idx every other index.
    Both are int64 tensors sorted ascending, on the generator's device (the
    CPU when there is none). The first n_samples % n_splits folds hold one
    index more than the others. Without shuffle the folds are contiguous;
    with shuffle=True the indices are first permuted by drawing with
    `generator` (a torch.Generator, or None for the default one). Raise
    ValueError unless 2 <= n_splits <= n_samples.
    """
    raise NotImplementedError
