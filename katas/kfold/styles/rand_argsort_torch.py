# expect: pass
import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("bad n_splits")
    device = generator.device if generator is not None else "cpu"
    if shuffle:
        keys = torch.rand(n_samples, generator=generator, device=device)
        order = torch.argsort(keys)
    else:
        order = torch.arange(n_samples, device=device)
    sizes = [n_samples // n_splits + (1 if k < n_samples % n_splits else 0) for k in range(n_splits)]
    fold_of = torch.empty(n_samples, dtype=torch.int64, device=device)
    for k, part in enumerate(torch.split(order, sizes)):
        fold_of[part] = k
    everything = torch.arange(n_samples, device=device)
    return [(everything[fold_of != k], everything[fold_of == k]) for k in range(n_splits)]
