# expect: pass
import torch


def kfold_indices(n_samples, n_splits, shuffle=False, generator=None):
    if not (2 <= n_splits <= n_samples):
        raise ValueError("n_splits out of range")
    device = generator.device if generator is not None else torch.device("cpu")
    if shuffle:
        order = torch.randperm(n_samples, generator=generator, device=device).tolist()
    else:
        order = list(range(n_samples))
    result, start = [], 0
    for k in range(n_splits):
        size = n_samples // n_splits + (k < n_samples % n_splits)
        test = sorted(order[start:start + size])
        chosen = set(test)
        train = [i for i in range(n_samples) if i not in chosen]
        result.append((torch.tensor(train, dtype=torch.int64, device=device),
                       torch.tensor(test, dtype=torch.int64, device=device)))
        start += size
    return result
