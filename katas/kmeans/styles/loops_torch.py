# expect: pass
"""A loop over the centroids; k-means++ by inverse CDF with torch.rand and searchsorted."""

import torch


def kmeans(X, init_centroids, max_iters=100):
    centroids = init_centroids.clone()

    def assign():
        best = torch.full((X.shape[0],), float("inf"), dtype=X.dtype, device=X.device)
        labels = torch.zeros(X.shape[0], dtype=torch.long, device=X.device)
        for j in range(centroids.shape[0]):
            d = ((X - centroids[j]) ** 2).sum(dim=1)
            closer = d < best  # strict: a tie stays with the lower index
            best = torch.where(closer, d, best)
            labels[closer] = j
        return labels

    labels = assign()
    for _ in range(max_iters):
        for j in range(centroids.shape[0]):
            members = X[labels == j]
            if members.shape[0] > 0:
                centroids[j] = members.mean(dim=0)
        new_labels = assign()
        if bool((new_labels == labels).all()):
            break
        labels = new_labels
    return centroids, labels


def kmeans_pp_init(X, k, generator=None):
    n = X.shape[0]
    first = int(torch.randint(n, (), generator=generator, device=X.device))
    chosen = [first]
    d2 = ((X - X[first]) ** 2).sum(dim=1)
    for _ in range(k - 1):
        cdf = torch.cumsum(d2, dim=0)
        if float(cdf[-1]) <= 0:
            raise ValueError("fewer distinct rows than k")
        u = torch.rand(1, generator=generator, device=X.device, dtype=X.dtype) * cdf[-1]
        i = int(torch.searchsorted(cdf, u, right=True).clamp(max=n - 1))
        while float(d2[i]) == 0:  # u rounded onto the end of the sum: step back to a weighted row
            i -= 1
        chosen.append(i)
        d2 = torch.minimum(d2, ((X - X[i]) ** 2).sum(dim=1))
    return X[torch.tensor(chosen, device=X.device)]
