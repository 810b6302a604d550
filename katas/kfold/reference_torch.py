"""Reference: k-fold cross-validation indices in PyTorch."""

import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError(f"n_splits must be between 2 and n_samples={n_samples}, got {n_splits}")
    device = generator.device if generator is not None else torch.device("cpu")
    if shuffle:
        order = torch.randperm(n_samples, generator=generator, device=device)
    else:
        order = torch.arange(n_samples, device=device)
    base, extra = divmod(n_samples, n_splits)
    splits = []
    start = 0
    for fold in range(n_splits):
        size = base + (1 if fold < extra else 0)
        in_test = torch.zeros(n_samples, dtype=torch.bool, device=device)
        in_test[order[start:start + size]] = True
        splits.append((torch.nonzero(~in_test).flatten(), torch.nonzero(in_test).flatten()))
        start += size
    return splits
