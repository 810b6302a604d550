# expect: fail as uniform-rows
# torch.randint rows for the seeding: uniform, with replacement, distances ignored.
import torch


def kmeans(X, init_centroids, max_iters=100):
    C = init_centroids.clone()
    labels = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
    for _ in range(max_iters):
        C = torch.stack([X[labels == j].mean(0) if (labels == j).any() else C[j] for j in range(len(C))])
        new = ((X[:, None] - C[None]) ** 2).sum(-1).argmin(1)
        if torch.equal(new, labels):
            break
        labels = new
    return C, labels


def kmeans_pp_init(X, k, generator=None):
    if len(torch.unique(X, dim=0)) < k:
        raise ValueError("too few distinct rows")
    return X[torch.randint(0, len(X), (k,), generator=generator, device=X.device)]
