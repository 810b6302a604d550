"""Reference: principal component analysis in PyTorch, through the SVD of the centred data."""

import torch


def pca(X, n_components):
    n = X.shape[0]
    # In float32 an eigenvector is only as accurate as eps * largest variance /
    # gap to its neighbours; working in float64 and rounding once at the end
    # makes the answer the exact one to float32 precision.
    centred = X.double() - X.double().mean(dim=0)
    # The right singular vectors of the centred data are the eigenvectors of
    # its covariance, and s**2 / (n - 1) its eigenvalues, without forming
    # X^T X (which would square the condition number). s comes back in
    # decreasing order, and every s is >= 0, so no sorting and no clipping.
    _, s, vh = torch.linalg.svd(centred, full_matrices=False)
    components = vh[:n_components]
    # A singular vector is only defined up to sign: make each row's
    # largest-magnitude entry positive (argmax picks the first on a tie).
    biggest = components.abs().argmax(dim=1, keepdim=True)
    signs = torch.where(components.gather(1, biggest) < 0, -1.0, 1.0).to(components.dtype)
    components = components * signs
    explained_variance = s[:n_components] ** 2 / (n - 1)
    return tuple(t.to(X.dtype) for t in (centred @ components.T, components, explained_variance))
