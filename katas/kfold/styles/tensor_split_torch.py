# expect: pass
import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError(f"n_splits={n_splits} with {n_samples} samples")
    device = generator.device if generator is not None else torch.device("cpu")
    idx = torch.arange(n_samples, device=device)
    if shuffle:
        idx = idx[torch.randperm(n_samples, generator=generator, device=device)]
    pairs = []
    for fold in torch.tensor_split(idx, n_splits):
        test = fold.sort().values
        train = idx.sort().values[~torch.isin(torch.arange(n_samples, device=device), test)]
        pairs.append((train, test))
    return pairs
