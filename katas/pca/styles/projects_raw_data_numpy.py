# expect: fail
"""WRONG: the components come from the centred data, but the projection is of X itself."""

import numpy as np


def pca(X, n_components):
    centred = X - X.mean(axis=0)
    values, vectors = np.linalg.eigh(np.atleast_2d(np.cov(centred, rowvar=False)))
    components = vectors[:, ::-1][:, :n_components].T
    components *= np.sign(components[np.arange(n_components), np.abs(components).argmax(axis=1)])[:, None]
    return X @ components.T, components, values[::-1][:n_components]
