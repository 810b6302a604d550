# expect: fail as biased-variance
"""WRONG: the variances taken as the variance of the projected columns with correction=0 (divide by N)."""

import torch


def pca(X, n_components):
    centred = X - X.mean(dim=0)
    _, _, vh = torch.linalg.svd(centred, full_matrices=False)
    components = vh[:n_components]
    components = components * components.gather(1, components.abs().argmax(1, keepdim=True)).sign()
    projected = centred @ components.T
    return projected, components, projected.var(dim=0, correction=0)
