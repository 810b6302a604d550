# expect: fail
"""WRONG: features divided by their population standard deviation (unbiased=False) before the SVD."""

import torch


def pca(X, n_components):
    z = (X - X.mean(0)) / X.std(0, unbiased=False)
    _, s, vh = torch.linalg.svd(z, full_matrices=False)
    components = vh[:n_components]
    components = components * components.gather(1, components.abs().argmax(1, keepdim=True)).sign()
    return z @ components.T, components, s[:n_components] ** 2 / (X.shape[0] - 1)
