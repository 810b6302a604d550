"""Reference: principal component analysis in NumPy, through the SVD of the centred data."""

import numpy as np


def pca(X, n_components):
    n = X.shape[0]
    centred = X - X.mean(axis=0)
    # The right singular vectors of the centred data are the eigenvectors of
    # its covariance, and s**2 / (n - 1) its eigenvalues, without forming
    # X^T X (which would square the condition number). LAPACK returns s in
    # decreasing order, and every s is >= 0, so no sorting and no clipping.
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:n_components]
    # A singular vector is only defined up to sign: make each row's
    # largest-magnitude entry positive (argmax picks the first on a tie).
    biggest = np.argmax(np.abs(components), axis=1)
    signs = np.sign(components[np.arange(n_components), biggest])
    components = components * signs[:, None]
    explained_variance = s[:n_components] ** 2 / (n - 1)
    return centred @ components.T, components, explained_variance
