"""Reference: Lloyd's k-means and k-means++ seeding in PyTorch."""

import torch


def _squared_distances(X, centroids):
    # Differences, not |x|^2 - 2 x.c + |c|^2: equal distances stay exactly
    # equal, so a tie really is a tie, and nothing cancels.
    return ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(dim=-1)


def _assign(X, centroids):
    # torch.argmin returns the first minimum: a tie goes to the lower index.
    return torch.argmin(_squared_distances(X, centroids), dim=1)


def _update(X, labels, centroids):
    k = centroids.shape[0]
    counts = torch.bincount(labels, minlength=k)
    sums = torch.zeros_like(centroids).index_add_(0, labels, X)
    means = sums / counts.clamp(min=1).unsqueeze(1).to(X.dtype)
    # A cluster that lost all its points keeps its centroid: its mean would be 0 / 0.
    return torch.where((counts > 0).unsqueeze(1), means, centroids)


def kmeans(X, init_centroids, max_iters=100):
    centroids = init_centroids.clone()  # the caller's tensor is left alone
    labels = _assign(X, centroids)
    for _ in range(max_iters):
        centroids = _update(X, labels, centroids)
        new_labels = _assign(X, centroids)
        if torch.equal(new_labels, labels):
            # Same assignment, so the next update would give the same centroids: a fixed point.
            break
        labels = new_labels
    return centroids, labels


def kmeans_pp_init(X, k, generator=None):
    n = X.shape[0]
    first = torch.randint(n, (1,), generator=generator, device=X.device)
    chosen = [first]
    closest = ((X - X[first]) ** 2).sum(dim=1)  # squared distance to the nearest centre chosen so far
    for _ in range(1, k):
        if not bool(closest.sum() > 0):
            raise ValueError(f"X has fewer than k={k} distinct rows")
        # A row already chosen (or a copy of one) has weight 0 and can never be drawn again.
        pick = torch.multinomial(closest, 1, generator=generator)
        chosen.append(pick)
        closest = torch.minimum(closest, ((X - X[pick]) ** 2).sum(dim=1))
    return X[torch.cat(chosen)]
