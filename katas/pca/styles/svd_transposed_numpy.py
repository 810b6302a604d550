# expect: pass
"""SVD (NumPy's default, full matrices) of the transposed centred data: the components are its left singular vectors."""

import numpy as np


def pca(X, n_components):
    n = len(X)
    centred = X - np.mean(X, axis=0)
    u, s, _ = np.linalg.svd(centred.T)  # full_matrices=True: u is D x D, only its first columns are used
    components = u[:, :n_components].T.copy()
    for row in components:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return np.dot(centred, components.T), components, np.square(s[:n_components]) / (n - 1)
