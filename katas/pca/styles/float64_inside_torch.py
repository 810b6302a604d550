# expect: pass
"""The whole computation in float64, cast back to the input's dtype at the end."""

import torch


def pca(X, n_components):
    x = X.double()
    centred = x - x.mean(dim=0)
    _, s, vh = torch.linalg.svd(centred, full_matrices=False)
    components = vh[:n_components]
    for i in range(n_components):
        if components[i, components[i].abs().argmax()] < 0:
            components[i] = -components[i]
    variance = s[:n_components] ** 2 / (x.shape[0] - 1)
    return tuple(t.to(X.dtype) for t in (centred @ components.T, components, variance))
