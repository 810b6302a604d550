# expect: fail
"""WRONG: returns the explained variance ratio (each variance over the total) instead of the variances."""

import numpy as np


def pca(X, n_components):
    centred = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:n_components] * np.sign(vt[np.arange(n_components), np.abs(vt[:n_components]).argmax(axis=1)])[:, None]
    variance = s ** 2 / (len(X) - 1)
    return centred @ components.T, components, variance[:n_components] / variance.sum()
