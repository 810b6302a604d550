# expect: fail
"""WRONG on rank-deficient data: np.linalg.eig, sorted and cut to its real part. The eigenvectors it returns for a repeated eigenvalue (the zeros of wide data) are neither orthogonal nor, after .real, of unit length."""

import numpy as np


def pca(X, n_components):
    centred = X - X.mean(axis=0)
    values, vectors = np.linalg.eig(np.atleast_2d(np.cov(centred, rowvar=False)))
    order = np.argsort(-values.real)[:n_components]
    components = vectors.real[:, order].T
    components *= np.sign(components[np.arange(n_components), np.abs(components).argmax(axis=1)])[:, None]
    return centred @ components.T, components, values.real[order]
