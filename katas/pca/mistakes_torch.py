"""Classic mistakes of pca, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


def _flip(components):
    """Each row's largest-magnitude entry made positive (the rule the mistakes keep)."""
    biggest = components.abs().argmax(dim=1, keepdim=True)
    return components * torch.where(components.gather(1, biggest) < 0, -1.0, 1.0)


class no_centring:
    def pca(X, n_components):
        _, s, vh = torch.linalg.svd(X, full_matrices=False)  # X itself, not X - mean
        components = _flip(vh[:n_components])
        return X @ components.T, components, s[:n_components] ** 2 / (X.shape[0] - 1)


class ascending_order:
    def pca(X, n_components):
        centred = X - X.mean(dim=0)
        values, vectors = torch.linalg.eigh(centred.T @ centred / (X.shape[0] - 1))
        # eigh sorts eigenvalues in ascending order: these are the smallest
        components = _flip(vectors[:, :n_components].T)
        return centred @ components.T, components, values[:n_components]


class complex_eig:
    def pca(X, n_components):
        centred = X - X.mean(dim=0)
        values, vectors = torch.linalg.eig(centred.T @ centred / (X.shape[0] - 1))  # always complex
        order = torch.argsort(values.real, descending=True)[:n_components]
        components = vectors[:, order].T
        biggest = components.abs().argmax(dim=1, keepdim=True)
        components = components * torch.where(components.gather(1, biggest).real < 0, -1.0, 1.0)
        return centred.to(components.dtype) @ components.T, components, values[order]


class divides_by_std:
    def pca(X, n_components):
        scaled = (X - X.mean(dim=0)) / X.std(dim=0)  # standardised: every feature gets variance 1
        _, s, vh = torch.linalg.svd(scaled, full_matrices=False)
        components = _flip(vh[:n_components])
        return scaled @ components.T, components, s[:n_components] ** 2 / (X.shape[0] - 1)


class components_as_columns:
    def pca(X, n_components):
        centred = X - X.mean(dim=0)
        _, s, vh = torch.linalg.svd(centred, full_matrices=False)
        components = _flip(vh[:n_components])
        return centred @ components.T, components.T, s[:n_components] ** 2 / (X.shape[0] - 1)  # (D, k)


class unsorted_eigenvalues:
    def pca(X, n_components):
        centred = X - X.mean(dim=0)
        values, vectors = torch.linalg.eig(centred.T @ centred / (X.shape[0] - 1))
        # eig's order is whatever the QR iterations deflated first: not sorted
        components = _flip(vectors.real[:, :n_components].T)
        return centred @ components.T, components, values.real[:n_components]


class biased_variance:
    def pca(X, n_components):
        centred = X - X.mean(dim=0)
        _, s, vh = torch.linalg.svd(centred, full_matrices=False)
        components = _flip(vh[:n_components])
        return centred @ components.T, components, s[:n_components] ** 2 / X.shape[0]  # ddof = 0


class no_sign_flip:
    def pca(X, n_components):
        centred = X - X.mean(dim=0)
        _, s, vh = torch.linalg.svd(centred, full_matrices=False)
        components = vh[:n_components]  # whatever sign the solver returned
        return centred @ components.T, components, s[:n_components] ** 2 / (X.shape[0] - 1)


class all_eigenvalues:
    def pca(X, n_components):
        centred = X - X.mean(dim=0)
        values, vectors = torch.linalg.eigh(centred.T @ centred / (X.shape[0] - 1))
        values, vectors = values.flip(0), vectors.flip(1)
        components = _flip(vectors[:, :n_components].T)
        return centred @ components.T, components, values  # all D of them, not the first k


class eigenvector_rows:
    def pca(X, n_components):
        centred = X - X.mean(dim=0)
        values, vectors = torch.linalg.eigh(centred.T @ centred / (X.shape[0] - 1))
        order = torch.argsort(values, descending=True)[:n_components]
        components = _flip(vectors[order])  # rows of the eigenvector matrix; eigh's vectors are its columns
        return centred @ components.T, components, values[order]
