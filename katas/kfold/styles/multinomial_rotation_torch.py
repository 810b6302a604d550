# expect: fail
# A random rotation instead of a permutation: neighbours stay together.
import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    if not 2 <= n_splits <= n_samples:
        raise ValueError("bad n_splits")
    device = generator.device if generator is not None else "cpu"
    order = torch.arange(n_samples, device=device)
    if shuffle:
        shift = int(torch.randint(n_samples, (1,), generator=generator, device=device))
        order = torch.roll(order, shift)
    pairs = []
    for fold in torch.tensor_split(order, n_splits):
        test = fold.sort().values
        keep = torch.ones(n_samples, dtype=torch.bool, device=device)
        keep[test] = False
        pairs.append((keep.nonzero().flatten(), test))
    return pairs
