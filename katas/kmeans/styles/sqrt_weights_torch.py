# expect: fail as distance-not-squared
# torch.cdist gives distances; they went to multinomial without squaring.
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
    idx = [int(torch.randint(len(X), (1,), generator=generator, device=X.device))]
    dist = torch.cdist(X, X[idx]).squeeze(1)
    for _ in range(k - 1):
        if dist.sum() == 0:
            raise ValueError("too few distinct rows")
        idx.append(int(torch.multinomial(dist, 1, generator=generator)))
        dist = torch.minimum(dist, torch.cdist(X, X[idx[-1:]]).squeeze(1))
    return X[idx]
