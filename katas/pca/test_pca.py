"""Hidden cases for pca.

Most inputs are built with an exactly known spectrum (`with_spectrum`): their
sample covariance has the eigenvalues asked for, along random orthonormal
directions, so the gaps between the variances that a case compares are wide
enough for float32. An eigenvector is only determined to about eps * (largest
variance) / (gap to its neighbours); where that is not small against the
float32 tolerance, an SVD and a covariance eigh (both correct) disagree
beyond it. Every compared component's largest-magnitude entry also beats the
second largest by at least 0.005, hundreds of times the float32 error of an
entry, so rounding cannot move the sign rule.

Where a component is not determined at all (a pair of equal variances, or
more components than the centred data has rank), the case compares only
what is: the variances, the span of the pair, the projections' lengths, and
the orthonormality of the rest.

Which case catches which classic mistake:
- every input sits away from the origin (no centring) and, with two
  features or more, has features of different variances (dividing by the
  standard deviation); most ask for
  fewer components than features (all D variances returned, components as
  columns by shape) and the rest, square ones, show columns by value;
- eigh's ascending order returns the smallest variances, and the rows of
  its eigenvector matrix are not eigenvectors;
- np.linalg.eig returns complex arrays on wide data (`test_wide_data`:
  the covariance has ten zero eigenvalues; also, nearly always, on
  `test_rank_deficient`), and its own order, not a sorted one, on
  `test_eig_order`; torch.linalg.eig is always complex;
- the variances tell ddof 0 from ddof 1, and the solvers' raw signs break
  the sign rule on the worked example and on several components of the
  larger cases.
The property cases say which rule broke in words a learner can act on.
Each case names the mistakes it is there to catch with
@pytest.mark.catches(...); kata validate proves that each of them fails it.
"""

import numpy as np
import pytest

TOLERANCE = {"numpy": (1e-6, 1e-8), "torch": (1e-4, 1e-5)}
WORKED = np.array([[6.0, 12.0], [-10.0, 0.0], [8.0, 1.0], [0.0, -5.0]])


def with_spectrum(rng, n, d, variances, offset=3.0):
    """(n, d) data whose sample covariance (ddof 1) has exactly these nonzero
    eigenvalues along random orthonormal directions, every other eigenvalue
    0, around a random mean of size about `offset`."""
    r = len(variances)
    scores = rng.normal(size=(n, r))
    scores, _ = np.linalg.qr(scores - scores.mean(axis=0))  # orthonormal columns, each summing to 0
    directions, _ = np.linalg.qr(rng.normal(size=(d, r)))
    return (scores * np.sqrt((n - 1) * np.asarray(variances))) @ directions.T + offset * rng.normal(size=d)


def correlated(rng, n, d, offset=3.0):
    """Plain random data: independent sources of decreasing scale, mixed by a rotation."""
    sources = rng.normal(size=(n, d)) * np.geomspace(3.0, 0.5, d)
    mixing, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return sources @ mixing + offset * rng.normal(size=d)


def near(case, got, want, what):
    """Fail with `what` unless got matches want within the track's tolerance."""
    rtol, atol = TOLERANCE[case.track]
    got, want = np.asarray(got), np.asarray(want)
    if got.shape != want.shape:
        case.require(False, f"{what}: shape {got.shape}, expected {want.shape}")
    with np.errstate(all="ignore"):
        worst = float(np.max(np.abs(got - want), initial=0.0))
    case.require(bool(np.allclose(got, want, rtol=rtol, atol=atol)), f"{what} (largest difference {worst:.3g})")


def outputs(case, X, k):
    """The learner's three outputs, their shapes checked against the reference's, and the reference's."""
    projected, components, variance = case.run("pca", X, k)
    return (projected, components, variance), case.expected("pca", X, k)


# -- the worked example ------------------------------------------------------------

@pytest.mark.catches("no-centring", "biased-variance", "divides-by-std", "components-as-columns",
                     "ascending-order", "no-sign-flip")
@pytest.mark.parametrize("k", [pytest.param(1, marks=pytest.mark.catches("all-eigenvalues")), 2])
def test_worked_example(case, k):
    case.same("pca", WORKED, k)


# -- properties, with messages that say which rule broke --------------------------

def property_input(case):
    return with_spectrum(case.rng(10), 30, 6, [8.0, 4.5, 2.5, 1.2, 0.6, 0.25])


@pytest.mark.catches("components-as-columns")
def test_components_are_orthonormal_rows(case):
    X = property_input(case)
    _, components, _ = case.run("pca", X, 4)
    case.require(components.shape == (4, 6),
                 f"components has shape {components.shape}; it must be (n_components, D) = (4, 6): "
                 "one component per row (an eigenvector matrix holds them as columns: transpose it)")
    near(case, components @ components.T, np.eye(4), "the rows of components are not orthonormal (C @ C.T != I)")


@pytest.mark.catches("ascending-order")
def test_variances_decrease(case):
    _, _, variance = case.run("pca", property_input(case), 4)
    case.require(bool(np.all(np.diff(variance) < 0)),
                 f"explained_variance {np.round(variance, 4).tolist()} is not in decreasing order "
                 "(np.linalg.eigh and torch.linalg.eigh return eigenvalues in ascending order)")


@pytest.mark.catches("no-sign-flip")
def test_sign_rule(case):
    _, components, _ = case.run("pca", property_input(case), 6)
    rows = np.arange(len(components))
    largest = components[rows, np.abs(components).argmax(axis=1)]
    bad = [int(i) for i in np.flatnonzero(largest < 0)]
    case.require(not bad, f"components {bad}: the largest-magnitude entry is negative; flip each such "
                          "row (and its column of X_projected) so that entry is positive")


@pytest.mark.catches("no-centring")
def test_projection_of_centred_data(case):
    X = property_input(case)
    projected, components, _ = case.run("pca", X, 3)
    near(case, projected.mean(axis=0), np.zeros(3),
         "the columns of X_projected do not average to 0: centre X (subtract its mean) before projecting")
    near(case, projected, (X - X.mean(axis=0)) @ components.T,
         "X_projected is not (X - mean) @ components.T for your own components")


@pytest.mark.catches("biased-variance")
def test_variance_of_projections(case):
    projected, _, variance = case.run("pca", property_input(case), 3)
    near(case, variance, projected.var(axis=0, ddof=1),
         "explained_variance is not the variance of the columns of X_projected with ddof = 1 "
         "(divide by N - 1, not N)")


# -- against the reference: shapes a caller passes -----------------------------------

@pytest.mark.catches("no-centring", "divides-by-std", "components-as-columns", "ascending-order",
                     "biased-variance", "eigenvector-rows")
@pytest.mark.parametrize("n, d, k, variances", [
    pytest.param(10, 3, 2, [5.0, 2.0, 0.6], marks=pytest.mark.catches("all-eigenvalues")),
    pytest.param(25, 6, 3, [9.0, 5.0, 2.5, 0.9, 0.5, 0.2], marks=pytest.mark.catches("all-eigenvalues")),
    (12, 5, 5, [6.0, 3.5, 1.8, 0.8, 0.3]),
    pytest.param(8, 4, 1, [4.0, 1.5, 0.7, 0.3], marks=pytest.mark.catches("all-eigenvalues")),
    pytest.param(40, 9, 4, [10.0, 6.0, 3.5, 2.0, 0.8, 0.6, 0.4, 0.3, 0.1],
                 marks=pytest.mark.catches("all-eigenvalues", "no-sign-flip")),
], ids=["10x3_k2", "25x6_k3", "12x5_all", "8x4_k1", "40x9_k4"])
def test_shapes(case, n, d, k, variances):
    case.same("pca", with_spectrum(case.rng(n * d + k), n, d, variances), k)


@pytest.mark.catches("no-centring", "divides-by-std", "ascending-order", "eigenvector-rows")
def test_plain_random_data(case):
    case.same("pca", correlated(case.rng(20), 15, 4), 2)


def test_keyword_argument(case):
    case.same("pca", with_spectrum(case.rng(21), 20, 5, [6.0, 3.0, 1.5, 0.6, 0.2]), n_components=2)


def test_two_samples(case):
    # One direction only: the difference of the two points, with variance |x1 - x2|^2 / 2.
    case.same("pca", with_spectrum(case.rng(22), 2, 4, [3.0]), 1)


def test_one_feature(case):
    case.same("pca", 2.0 + 1.5 * case.rng(23).normal(size=(9, 1)), 1)


@pytest.mark.catches("no-centring")
def test_far_from_origin(case):
    case.same("pca", with_spectrum(case.rng(24), 30, 4, [4.0, 2.0, 1.0, 0.4], offset=20.0), 3)


# -- degenerate spectra: wide data, rank deficiency, a repeated variance ------------

@pytest.mark.catches("complex-eig")
def test_wide_data(case):
    # N < D: the covariance (D x D) has rank N - 1 and a cluster of zero eigenvalues.
    case.same("pca", with_spectrum(case.rng(30), 6, 15, [5.0, 2.5, 1.0, 0.4, 0.15]), 3)


def test_rank_deficient(case):
    # Rank 3 of 12: nine zero eigenvalues, which a general eig nearly always splits into complex pairs.
    case.same("pca", with_spectrum(case.rng(31), 30, 12, [6.0, 3.0, 1.0]), 3)


def check_beyond_rank(case, X, k, rank):
    """Components past the rank of the centred data are any orthonormal completion: compare
    the determined ones, and of the rest only what every completion shares."""
    (projected, components, variance), (want_projected, want_components, want_variance) = outputs(case, X, k)
    near(case, variance, want_variance,
         f"explained_variance (every variance past the first {rank} is 0: the centred data has rank {rank})")
    near(case, components[:rank], want_components[:rank], f"the first {rank} components")
    near(case, components @ components.T, np.eye(k),
         f"the rows of components are not orthonormal; the last {k - rank} (variance 0) must still be "
         "unit vectors orthogonal to the others")
    near(case, projected, want_projected,
         f"X_projected (its last {k - rank} columns are 0: no data lies along those directions)")


def test_rank_deficient_all_components(case):
    check_beyond_rank(case, with_spectrum(case.rng(31), 30, 12, [6.0, 3.0, 1.0]), 5, 3)


def test_wide_data_all_components(case):
    # n_components = min(N, D) = N, one more than the rank N - 1 of the centred data.
    check_beyond_rank(case, with_spectrum(case.rng(32), 5, 9, [4.0, 2.0, 1.0, 0.4]), 5, 4)


def test_repeated_variance(case):
    # Variances 3 and 4 are equal: any orthonormal pair spanning their plane is right.
    X = with_spectrum(case.rng(33), 40, 6, [6.0, 3.0, 1.5, 1.5, 0.5, 0.2])
    (projected, components, variance), (want_projected, want_components, want_variance) = outputs(case, X, 4)
    near(case, variance, want_variance, "explained_variance")
    near(case, components[:2], want_components[:2], "the first 2 components")
    near(case, components @ components.T, np.eye(4), "the rows of components are not orthonormal")
    near(case, components[2:].T @ components[2:], want_components[2:].T @ want_components[2:],
         "components 3 and 4 (equal variances) do not span the right plane")
    near(case, projected[:, :2], want_projected[:, :2], "the first 2 columns of X_projected")
    near(case, np.hypot(projected[:, 2], projected[:, 3]), np.hypot(want_projected[:, 2], want_projected[:, 3]),
         "the lengths of the rows of X_projected[:, 2:4] (the projection onto the plane of equal variances)")


@pytest.mark.catches("unsorted-eigenvalues")
@pytest.mark.parametrize("k", [4, 6])
def test_eig_order(case, k):
    # A general eigen-solver returns this spectrum as 8, 4.5, 2.5, 0.25, 1.2, 0.6.
    case.same("pca", with_spectrum(case.rng(8), 20, 6, [8.0, 4.5, 2.5, 1.2, 0.6, 0.25]), k)


# -- bigger inputs --------------------------------------------------------------------

@pytest.mark.catches("no-sign-flip")
def test_bigger(case):
    rng = case.rng(40)
    variances = np.concatenate([[10.0, 6.0, 3.5, 2.0], rng.uniform(0.1, 0.8, size=12)])
    case.same("pca", with_spectrum(rng, 200, 16, variances), 4)


def timing_case(rng):
    variances = np.concatenate([[10.0, 6.0, 3.5], rng.uniform(0.1, 1.0, size=97)])
    return "pca", (with_spectrum(rng, 2000, 100, variances), 10), {}
