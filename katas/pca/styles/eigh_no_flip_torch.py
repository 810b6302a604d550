# expect: fail as no-sign-flip
"""WRONG: eigh of the covariance, reversed, but the signs left as eigh returned them."""

import torch


def pca(X, n_components):
    values, vectors = torch.linalg.eigh(torch.cov(X.T).reshape(X.shape[1], X.shape[1]))
    components = vectors.flip(1)[:, :n_components].T
    return (X - X.mean(0)) @ components.T, components, values.flip(0)[:n_components]
