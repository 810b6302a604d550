# expect: fail as dtype-hard-coded
"""WRONG: right numbers, but computed in float64 and returned as float64 tensors for float32 input."""

import torch


def pca(X, n_components):
    x = X.double()
    centred = x - x.mean(0)
    _, s, vh = torch.linalg.svd(centred, full_matrices=False)
    components = vh[:n_components]
    components = components * components.gather(1, components.abs().argmax(1, keepdim=True)).sign()
    return centred @ components.T, components, s[:n_components] ** 2 / (x.shape[0] - 1)
