# expect: pass
import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("need 2 <= n_splits <= n_samples")
    device = generator.device if generator is not None else "cpu"
    order = (torch.randperm(n_samples, generator=generator, device=device) if shuffle
             else torch.arange(n_samples, device=device))
    base, extra = divmod(n_samples, n_splits)
    out, start = [], 0
    for k in range(n_splits):
        stop = start + base + int(k < extra)
        mask = torch.zeros(n_samples, dtype=torch.bool, device=device)
        mask[order[start:stop]] = True
        out.append((mask.logical_not().nonzero().squeeze(1), mask.nonzero().squeeze(1)))
        start = stop
    return out
