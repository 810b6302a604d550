# expect: fail
"""WRONG at k > rank: the N x N Gram-matrix trick, components = X_c^T u / s, divides by a singular value of 0 when n_components reaches N on wide data."""

import numpy as np


def pca(X, n_components):
    n = len(X)
    centred = X - X.mean(axis=0)
    values, vectors = np.linalg.eigh(centred @ centred.T)  # N x N: cheap when N << D
    values, vectors = values[::-1][:n_components], vectors[:, ::-1][:, :n_components]
    singular = np.sqrt(np.clip(values, 0.0, None))
    components = (centred.T @ vectors / singular).T
    components *= np.sign(components[np.arange(n_components), np.abs(components).argmax(axis=1)])[:, None]
    return centred @ components.T, components, values / (n - 1)
