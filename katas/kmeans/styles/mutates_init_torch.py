# expect: fail as input-modified
# init_centroids is updated in place (centroids is the same tensor).
import torch


def kmeans(X, init_centroids, max_iters=100):
    centroids = init_centroids
    labels = ((X[:, None] - centroids[None]) ** 2).sum(-1).argmin(1)
    for _ in range(max_iters):
        for j in range(len(centroids)):
            if (labels == j).any():
                centroids[j] = X[labels == j].mean(0)
        new = ((X[:, None] - centroids[None]) ** 2).sum(-1).argmin(1)
        if torch.equal(new, labels):
            break
        labels = new
    return centroids.clone(), labels


def kmeans_pp_init(X, k, generator=None):
    idx = [int(torch.randint(len(X), (1,), generator=generator, device=X.device))]
    d2 = ((X - X[idx[0]]) ** 2).sum(1)
    for _ in range(k - 1):
        if d2.sum() == 0:
            raise ValueError("too few distinct rows")
        idx.append(int(torch.multinomial(d2, 1, generator=generator)))
        d2 = torch.minimum(d2, ((X - X[idx[-1]]) ** 2).sum(1))
    return X[idx]

