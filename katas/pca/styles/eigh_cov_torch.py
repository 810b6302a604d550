# expect: pass
"""torch.cov (correction=1 by default) and eigh, reversed to decreasing order."""

import torch


def pca(X, n_components):
    d = X.shape[1]
    cov = torch.cov(X.T).reshape(d, d)  # torch.cov gives a 0-d tensor for one feature
    values, vectors = torch.linalg.eigh(cov)
    values = values.flip(0)[:n_components]
    components = vectors.flip(1)[:, :n_components].T
    biggest = components.gather(1, components.abs().argmax(dim=1, keepdim=True))
    components = components * biggest.sign()
    return (X - X.mean(dim=0)) @ components.T, components, values
