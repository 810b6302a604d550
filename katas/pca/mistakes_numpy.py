"""Classic mistakes of pca, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _flip(components):
    """Each row's largest-magnitude entry made positive (the rule the mistakes keep)."""
    biggest = np.argmax(np.abs(components), axis=1)
    return components * np.sign(components[np.arange(len(components)), biggest])[:, None]


class no_centring:
    def pca(X, n_components):
        _, s, vt = np.linalg.svd(X, full_matrices=False)  # X itself, not X - mean
        components = _flip(vt[:n_components])
        return X @ components.T, components, s[:n_components] ** 2 / (X.shape[0] - 1)


class ascending_order:
    def pca(X, n_components):
        centred = X - X.mean(axis=0)
        values, vectors = np.linalg.eigh(np.atleast_2d(np.cov(centred, rowvar=False)))
        # eigh sorts eigenvalues in ascending order: these are the smallest
        components = _flip(vectors[:, :n_components].T)
        return centred @ components.T, components, values[:n_components]


class complex_eig:
    def pca(X, n_components):
        centred = X - X.mean(axis=0)
        values, vectors = np.linalg.eig(np.atleast_2d(np.cov(centred, rowvar=False)))  # complex if any pair is
        order = np.argsort(-values)[:n_components]
        components = vectors[:, order].T
        biggest = np.argmax(np.abs(components), axis=1)
        components = components * np.sign(components[np.arange(n_components), biggest].real)[:, None]
        return centred @ components.T, components, values[order]


class divides_by_std:
    def pca(X, n_components):
        scaled = (X - X.mean(axis=0)) / X.std(axis=0)  # standardised: every feature gets variance 1
        _, s, vt = np.linalg.svd(scaled, full_matrices=False)
        components = _flip(vt[:n_components])
        return scaled @ components.T, components, s[:n_components] ** 2 / (X.shape[0] - 1)


class components_as_columns:
    def pca(X, n_components):
        centred = X - X.mean(axis=0)
        _, s, vt = np.linalg.svd(centred, full_matrices=False)
        components = _flip(vt[:n_components])
        return centred @ components.T, components.T, s[:n_components] ** 2 / (X.shape[0] - 1)  # (D, k)


class unsorted_eigenvalues:
    def pca(X, n_components):
        centred = X - X.mean(axis=0)
        values, vectors = np.linalg.eig(np.atleast_2d(np.cov(centred, rowvar=False)))
        # eig's order is whatever the QR iterations deflated first: not sorted
        components = _flip(vectors.real[:, :n_components].T)
        return centred @ components.T, components, values.real[:n_components]


class biased_variance:
    def pca(X, n_components):
        centred = X - X.mean(axis=0)
        _, s, vt = np.linalg.svd(centred, full_matrices=False)
        components = _flip(vt[:n_components])
        return centred @ components.T, components, s[:n_components] ** 2 / X.shape[0]  # ddof = 0


class no_sign_flip:
    def pca(X, n_components):
        centred = X - X.mean(axis=0)
        _, s, vt = np.linalg.svd(centred, full_matrices=False)
        components = vt[:n_components]  # whatever sign LAPACK returned
        return centred @ components.T, components, s[:n_components] ** 2 / (X.shape[0] - 1)


class all_eigenvalues:
    def pca(X, n_components):
        centred = X - X.mean(axis=0)
        values, vectors = np.linalg.eigh(np.atleast_2d(np.cov(centred, rowvar=False)))
        values, vectors = values[::-1], vectors[:, ::-1]
        components = _flip(vectors[:, :n_components].T)
        return centred @ components.T, components, values  # all D of them, not the first k


class eigenvector_rows:
    def pca(X, n_components):
        centred = X - X.mean(axis=0)
        values, vectors = np.linalg.eigh(np.atleast_2d(np.cov(centred, rowvar=False)))
        order = np.argsort(values)[::-1][:n_components]
        components = _flip(vectors[order])  # rows of the eigenvector matrix; eigh's vectors are its columns
        return centred @ components.T, components, values[order]
