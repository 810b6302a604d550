# expect: fail
"""WRONG: reverses eigh's ascending order with a negative step, which torch tensors do not support (ValueError)."""

import torch


def pca(X, n_components):
    centred = X - X.mean(dim=0)
    values, vectors = torch.linalg.eigh(centred.T @ centred / (X.shape[0] - 1))
    order = torch.argsort(values)[::-1][:n_components]
    components = vectors[:, order].T
    components = components * components.gather(1, components.abs().argmax(1, keepdim=True)).sign()
    return centred @ components.T, components, values[order]
