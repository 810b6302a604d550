# expect: fail as no-split-check
import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    if n_splits < 2:
        raise ValueError("need at least two folds")
    device = generator.device if generator is not None else "cpu"
    order = (torch.randperm(n_samples, generator=generator, device=device) if shuffle
             else torch.arange(n_samples, device=device))
    pairs = []
    for fold in torch.tensor_split(order, n_splits):
        test = fold.sort().values
        keep = torch.ones(n_samples, dtype=torch.bool, device=device)
        keep[test] = False
        pairs.append((keep.nonzero().flatten(), test))
    return pairs
