"""Principal component analysis in NumPy. Replace the `raise` with your code."""

import numpy as np


def pca(X, n_components):
    """Project X onto its first n_components principal components.

    X: float64 array (N, D), one sample per row, N >= 2.
    n_components: an int k with 1 <= k <= min(N, D).
    Returns (X_projected, components, explained_variance):
      components: (k, D), orthonormal rows, the directions of largest
          variance of the centred data, largest first; each row flipped so
          that its largest-magnitude entry is positive (the first such
          entry, as np.argmax gives, on a tie).
      explained_variance: (k,), the variance along each component, with
          ddof = 1 (divide by N - 1), in decreasing order.
      X_projected: (N, k) = (X - mean of X over the rows) @ components.T.
    Centre the data; do not divide by the standard deviation. Do not
    modify X. sklearn's PCA is not allowed.
    """
    raise NotImplementedError
