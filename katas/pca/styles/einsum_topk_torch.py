# expect: pass
"""An einsum covariance, eigh, and topk to pick the largest eigenvalues in order."""

import torch


def pca(X, n_components):
    n = X.shape[0]
    centred = X - X.mean(dim=0)
    cov = torch.einsum("ni,nj->ij", centred, centred) / (n - 1)
    values, vectors = torch.linalg.eigh(cov)
    top = torch.topk(values, n_components)
    components = vectors[:, top.indices].T
    signs = torch.sign(components.gather(1, components.abs().argmax(1, keepdim=True)))
    components = components * signs
    return torch.einsum("nd,kd->nk", centred, components), components, top.values
