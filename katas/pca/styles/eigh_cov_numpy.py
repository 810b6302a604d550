# expect: pass
"""Covariance with np.cov, its eigendecomposition with eigh, reversed to decreasing order."""

import numpy as np


def pca(X, n_components):
    mean = X.mean(axis=0)
    cov = np.atleast_2d(np.cov(X, rowvar=False))  # ddof=1 by default; 0-d when D = 1
    values, vectors = np.linalg.eigh(cov)
    values = values[::-1][:n_components]
    components = vectors[:, ::-1][:, :n_components].T
    biggest = np.take_along_axis(components, np.abs(components).argmax(axis=1)[:, None], axis=1)
    components = np.where(biggest < 0, -components, components)
    return (X - mean) @ components.T, components, values
