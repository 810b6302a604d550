# expect: pass
"""SVD of the centred data; the projections read off as U * S with the same signs as the components."""

import numpy as np


def pca(X, n_components):
    centred = X - X.mean(axis=0)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    k = n_components
    u, s, vt = u[:, :k], s[:k], vt[:k]
    flip = np.sign(vt[np.arange(k), np.argmax(np.abs(vt), axis=1)])
    # centred @ v = u * s: flipping v flips its column of u with it
    return u * (s * flip), vt * flip[:, None], s * s / (X.shape[0] - 1)
