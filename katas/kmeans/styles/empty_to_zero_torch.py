# expect: fail
# An empty cluster's centroid is sent to the origin: sums / clamp(count, 1) is 0 / 1.
import torch


def kmeans(X, init_centroids, max_iters=100):
    k = len(init_centroids)
    C = init_centroids.clone()
    labels = torch.cdist(X, C).argmin(1)
    for _ in range(max_iters):
        sums = torch.zeros_like(C).index_add_(0, labels, X)
        C = sums / torch.bincount(labels, minlength=k).clamp(min=1)[:, None]
        new = torch.cdist(X, C).argmin(1)
        if torch.equal(new, labels):
            break
        labels = new
    return C, labels


def kmeans_pp_init(X, k, generator=None):
    idx = [int(torch.randint(len(X), (1,), generator=generator, device=X.device))]
    d2 = ((X - X[idx[0]]) ** 2).sum(1)
    for _ in range(k - 1):
        if d2.sum() == 0:
            raise ValueError("too few distinct rows")
        idx.append(int(torch.multinomial(d2, 1, generator=generator)))
        d2 = torch.minimum(d2, ((X - X[idx[-1]]) ** 2).sum(1))
    return X[idx]

