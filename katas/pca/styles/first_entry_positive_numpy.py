# expect: fail
"""WRONG: the sign rule applied to the first entry of each component instead of its largest-magnitude entry."""

import numpy as np


def pca(X, n_components):
    centred = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:n_components] * np.sign(vt[:n_components, :1])
    return centred @ components.T, components, s[:n_components] ** 2 / (len(X) - 1)
