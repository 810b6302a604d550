# expect: pass
"""An einsum covariance, and scipy's eigh asked for the top n_components eigenpairs only."""

import numpy as np
import scipy.linalg


def pca(X, n_components):
    n, d = X.shape
    centred = X - X.mean(axis=0, keepdims=True)
    cov = np.einsum("ni,nj->ij", centred, centred) / (n - 1)
    values, vectors = scipy.linalg.eigh(cov, subset_by_index=[d - n_components, d - 1])
    values, vectors = values[::-1], vectors[:, ::-1]
    rows = np.arange(n_components)
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), rows])
    components = (vectors * signs).T
    return np.einsum("nd,kd->nk", centred, components), components, values
