# expect: forbidden
"""torch.pca_lowrank does the whole job."""

import torch


def pca(X, n_components):
    _, s, v = torch.pca_lowrank(X, q=min(X.shape), center=True)
    components = v[:, :n_components].T
    signs = components.gather(1, components.abs().argmax(1, keepdim=True)).sign()
    components = components * signs
    return (X - X.mean(0)) @ components.T, components, s[:n_components] ** 2 / (X.shape[0] - 1)
