# expect: fail
"""WRONG: z-scores with the sample standard deviation (ddof=1) before the SVD: PCA of the correlation matrix."""

import numpy as np


def pca(X, n_components):
    z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    _, s, vt = np.linalg.svd(z, full_matrices=False)
    k = n_components
    components = vt[:k] * np.sign(vt[np.arange(k), np.abs(vt[:k]).argmax(axis=1)])[:, None]
    return z @ components.T, components, s[:k] ** 2 / (len(X) - 1)
