"""The outside oracle for pca: PyTorch's covariance and symmetric eigen-solver.

The references go through the SVD of the centred data; the oracle takes the
other road, torch.cov (correction=1, so ddof 1) and torch.linalg.eigh, and
`check_matches_pca_lowrank` holds both to torch.pca_lowrank. tests/test_oracles.py
holds the torch reference to `pca` below in float32 and float64 on every call
of `inputs`, and the NumPy reference to the torch one in float64; every
mistake must differ from the reference on one of those calls. The README's
"The outside oracle" describes the contract.
"""

import numpy as np
import torch

# -- (a) PyTorch's form of the kata's function ------------------------------------


def pca(X, n_components):
    d = X.shape[1]
    values, vectors = torch.linalg.eigh(torch.cov(X.T).reshape(d, d))
    values, vectors = values.flip(0)[:n_components], vectors.flip(1)[:, :n_components]
    components = vectors.T
    rows = torch.arange(n_components, device=X.device)
    components = components * components[rows, components.abs().argmax(dim=1)].sign()[:, None]
    return (X - X.mean(dim=0)) @ components.T, components, values


# -- (b) the calls to hold the references to ----------------------------------------


def with_spectrum(seed, n, d, variances, offset=3.0):
    """float64 NumPy data whose sample covariance has exactly these nonzero eigenvalues (as in the hidden cases)."""
    rng = np.random.default_rng(seed)
    r = len(variances)
    scores = rng.normal(size=(n, r))
    scores, _ = np.linalg.qr(scores - scores.mean(axis=0))
    directions, _ = np.linalg.qr(rng.normal(size=(d, r)))
    return (scores * np.sqrt((n - 1) * np.asarray(variances))) @ directions.T + offset * rng.normal(size=d)


WORKED = np.array([[6.0, 12.0], [-10.0, 0.0], [8.0, 1.0], [0.0, -5.0]])

# (data, n_components): every compared component separated from its neighbours
# by at least a tenth of the largest variance, so float32 eigh agrees with the SVD.
CALLS = [
    (WORKED, 1),
    (WORKED, 2),
    (with_spectrum(1, 10, 3, [5.0, 2.0, 0.6]), 2),
    (with_spectrum(2, 12, 5, [6.0, 3.5, 1.8, 0.8, 0.3]), 5),
    (with_spectrum(3, 40, 9, [10.0, 6.0, 3.5, 2.0, 0.8, 0.6, 0.4, 0.3, 0.1]), 4),
    (with_spectrum(4, 8, 4, [4.0, 1.5, 0.7, 0.3]), 1),
    (with_spectrum(5, 2, 4, [3.0]), 1),  # two samples: one direction
    (2.0 + 1.5 * np.random.default_rng(6).normal(size=(9, 1)), 1),  # one feature
    (with_spectrum(7, 30, 4, [4.0, 2.0, 1.0, 0.4], offset=20.0), 3),  # far from the origin
    (with_spectrum(30, 6, 15, [5.0, 2.5, 1.0, 0.4, 0.15]), 3),  # wide: N < D
    (with_spectrum(31, 30, 12, [6.0, 3.0, 1.0]), 3),  # rank 3 of 12
    (with_spectrum(8, 20, 6, [8.0, 4.5, 2.5, 1.2, 0.6, 0.25]), 6),  # a general eig returns 0.25 before 1.2
]


def inputs(dtype):
    for X, k in CALLS:
        yield "pca", (torch.from_numpy(X).to(dtype), k)


# -- (c) this kata's own assertions ---------------------------------------------------


def check_numpy_reference_matches_worked_example(implementation):
    projected, components, variance = implementation("numpy").pca(WORKED, 2)
    np.testing.assert_allclose(components, [[0.8, 0.6], [-0.6, 0.8]], atol=1e-12)
    np.testing.assert_allclose(variance, [250 / 3, 100 / 3], rtol=1e-12)
    np.testing.assert_allclose(projected, [[10, 5], [-10, 5], [5, -5], [-5, -5]], atol=1e-12)


def check_matches_pca_lowrank(implementation):
    """torch.pca_lowrank with q = min(N, D) is exact (its random basis spans everything)."""
    ref_torch = implementation("torch")
    for X, k in CALLS[2:]:
        x = torch.from_numpy(X)
        with torch.random.fork_rng():
            torch.manual_seed(0)
            u, s, v = torch.pca_lowrank(x, q=min(x.shape), center=True)
        projected, components, variance = ref_torch.pca(x, k)
        torch.testing.assert_close(variance, s[:k] ** 2 / (x.shape[0] - 1), rtol=1e-10, atol=1e-12)
        signs = torch.sign(v.T[:k].gather(1, v.T[:k].abs().argmax(dim=1, keepdim=True)))
        torch.testing.assert_close(components, v.T[:k] * signs, rtol=1e-9, atol=1e-10)
        torch.testing.assert_close(projected, u[:, :k] * s[:k] * signs.T, rtol=1e-9, atol=1e-10)


def check_orthonormal_sorted_signed_ddof1(implementation, track):
    """The contract's properties, on every call: orthonormal rows, decreasing variance, the sign rule,
    ddof 1, and X_projected = (X - mean) @ components.T."""
    ref = implementation(track)
    for X, k in CALLS:
        x = X if track == "numpy" else torch.from_numpy(X)
        projected, components, variance = (np.asarray(o) for o in ref.pca(x, k))
        np.testing.assert_allclose(components @ components.T, np.eye(k), atol=1e-12)
        assert np.all(np.diff(variance) < 0)
        assert (components[np.arange(k), np.abs(components).argmax(axis=1)] > 0).all()
        np.testing.assert_allclose(variance, projected.var(axis=0, ddof=1), rtol=1e-10)
        np.testing.assert_allclose(projected, (X - X.mean(axis=0)) @ components.T, atol=1e-10)


def check_general_eig_shows_itself():
    """The premises of the mistakes complex-eig and unsorted-eigenvalues on these libraries:
    np.linalg.eig returns a complex array for the covariance of wide and of rank-deficient
    data (a cluster of zero eigenvalues), and the eigenvalues of a general solver are not sorted."""
    for X, _ in (CALLS[9], CALLS[10]):
        assert np.linalg.eig(np.cov(X, rowvar=False)).eigenvalues.dtype == np.complex128
    assert torch.linalg.eig(torch.eye(3)).eigenvalues.dtype == torch.complex64
    X = CALLS[11][0]
    for values in (np.linalg.eig(np.cov(X, rowvar=False)).eigenvalues,
                   torch.linalg.eig(torch.cov(torch.from_numpy(X).float().T)).eigenvalues.real.numpy()):
        assert not np.all(np.diff(values) <= 0), values
    assert np.all(np.diff(np.linalg.eigh(np.cov(X, rowvar=False)).eigenvalues) > 0)  # eigh: ascending


def check_sign_ambiguity_is_real():
    """Without the sign rule, the answer depends on the solver: here SVD and eigh disagree in sign."""
    X = CALLS[2][0]
    vt = np.linalg.svd(X - X.mean(axis=0))[2]
    vectors = np.linalg.eigh(np.cov(X, rowvar=False)).eigenvectors[:, ::-1].T
    assert not np.allclose(vt, vectors)
    np.testing.assert_allclose(np.abs(vt), np.abs(vectors), atol=1e-12)


def check_svd_keeps_small_variances_the_covariance_loses():
    """Forming X^T X squares the condition number: a variance of 1e-10 next to one of 1 in float32
    (1e-16 in float64) is lost by covariance + eigh and kept by the SVD of the centred data. The
    notes quote these numbers: -6.0e-8 against 1.0001e-10, and 2.5e-16 against 1.0e-16."""
    for dtype, small in [(torch.float32, 1e-10), (torch.float64, 1e-16)]:
        X = torch.from_numpy(with_spectrum(50, 1000, 2, [1.0, small], offset=5.0)).to(dtype)
        centred = X - X.mean(dim=0)
        by_eigh = torch.linalg.eigvalsh(centred.T @ centred / 999)[0].item()
        by_svd = (torch.linalg.svdvals(centred)[1] ** 2 / 999).item()
        assert abs(by_svd / small - 1) < 1e-3, (dtype, by_svd)
        assert abs(by_eigh / small - 1) > 0.5, (dtype, by_eigh)


def check_reconstruction_error_is_the_discarded_variance(implementation):
    """sum |x - x_hat|^2 = (N - 1) * (sum of the variances left out), and whitened projections have
    the identity as covariance."""
    ref = implementation("numpy")
    X, k = CALLS[4]
    projected, components, variance = ref.pca(X, k)
    every = ref.pca(X, X.shape[1])[2]
    rebuilt = projected @ components + X.mean(axis=0)
    np.testing.assert_allclose(((X - rebuilt) ** 2).sum(), (len(X) - 1) * every[k:].sum(), rtol=1e-10)
    np.testing.assert_allclose(np.cov(projected / np.sqrt(variance), rowvar=False), np.eye(k), atol=1e-10)


def check_centring_and_scaling_change_the_answer(implementation):
    """The numbers the notes quote: without centring the first direction points at the mean; one
    feature scaled by 1000 takes over the first component; two standardised features always give
    (1, 1) / sqrt 2 first."""
    ref = implementation("numpy")
    X = CALLS[8][0]
    first = np.linalg.svd(X, full_matrices=False)[2][0]
    assert abs(first @ X.mean(axis=0)) / np.linalg.norm(X.mean(axis=0)) > 0.99999
    scaled = WORKED * [1.0, 1000.0]
    np.testing.assert_allclose(ref.pca(scaled, 1)[1], [[4.675e-4, 0.9999999]], rtol=1e-3)
    standardised = (WORKED - WORKED.mean(axis=0)) / WORKED.std(axis=0, ddof=1)
    _, components, variance = ref.pca(standardised, 1)
    np.testing.assert_allclose(components, [[2 ** -0.5, 2 ** -0.5]], rtol=1e-12)
    r = np.corrcoef(WORKED, rowvar=False)[0, 1]
    np.testing.assert_allclose(variance, [1 + r], rtol=1e-12)
