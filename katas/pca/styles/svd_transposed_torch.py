# expect: pass
"""SVD of the transposed centred data (D x N): the components are its left singular vectors; projections as V * S."""

import torch


def pca(X, n_components):
    centred = X - X.mean(dim=0)
    u, s, vh = torch.linalg.svd(centred.mT, full_matrices=False)
    k = n_components
    components, scores = u[:, :k].mT, vh[:k].mT * s[:k]  # centred @ u = vh^T * s
    flip = torch.sign(components[torch.arange(k), components.abs().argmax(dim=1)])
    return scores * flip, components * flip[:, None], s[:k].square() / (X.shape[0] - 1)
