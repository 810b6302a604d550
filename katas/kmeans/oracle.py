"""The outside oracle for kmeans and kmeans_pp_init.

kmeans is rebuilt from PyTorch's own operators, independently of the
references: torch.cdist for the distances (its direct form, so that exact
ties stay exact) and Tensor.scatter_reduce(reduce="mean", include_self=False)
for the update, which leaves a row that receives no point as it was: an
empty cluster keeps its centroid. tests/test_oracles.py holds the torch
reference to it, and the NumPy reference to the torch one, on every call of
`inputs`.

kmeans_pp_init depends on the generator (RANDOM): both references, and the
oracle's own form (inverse-CDF sampling with torch.searchsorted), are held
to the law of k-means++ by the check_* functions below, with bounds whose
exact binomial tail probabilities are given where they are used.
"""

import math

import numpy as np
import torch

from grader.confined.track_values import Seeded

RANDOM = {"kmeans_pp_init"}

# -- (a) PyTorch's forms of the kata's functions -------------------------------------


def _labels(X, centroids):
    distances = torch.cdist(X, centroids, compute_mode="donot_use_mm_for_euclid_dist")
    return distances.argmin(dim=1)  # the first minimum: a tie goes to the lower index


def kmeans(X, init_centroids, max_iters=100):
    centroids = init_centroids.clone()
    labels = _labels(X, centroids)
    for _ in range(max_iters):
        index = labels[:, None].expand_as(X)
        centroids = centroids.scatter_reduce(0, index, X, reduce="mean", include_self=False)
        new_labels = _labels(X, centroids)
        if torch.equal(new_labels, labels):
            break
        labels = new_labels
    return centroids, labels


def kmeans_pp_init(X, k, generator=None):
    n = X.shape[0]
    chosen = [int(torch.randint(n, (1,), generator=generator, device=X.device))]
    closest = torch.cdist(X, X[chosen], compute_mode="donot_use_mm_for_euclid_dist")[:, 0] ** 2
    for _ in range(1, k):
        cumulative = torch.cumsum(closest.double(), dim=0)
        if not bool(cumulative[-1] > 0):
            raise ValueError("fewer distinct rows than k")
        u = torch.rand((), generator=generator, device=X.device, dtype=torch.float64) * cumulative[-1]
        # The first index whose cumulative weight exceeds u: index i with probability w_i / sum(w).
        pick = int(torch.searchsorted(cumulative, u.reshape(1), right=True).clamp(max=n - 1))
        chosen.append(pick)
        new = torch.cdist(X, X[[pick]], compute_mode="donot_use_mm_for_euclid_dist")[:, 0] ** 2
        closest = torch.minimum(closest, new)
    return X[chosen]


# -- (b) the calls to hold the references to -------------------------------------------

WORKED_X = [[0, 0], [1, 0], [0, 1], [4, 4], [5, 4], [4, 5]]
WORKED_C = [[0, 0], [1, 0]]


def blobs(seed, n, d, k, spread=0.6):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-10, 10, size=(k, d))
    X = centres[rng.integers(k, size=n)] + spread * rng.normal(size=(n, d))
    return X, X[rng.choice(n, size=k, replace=False)]


def fixed_calls():
    """(X, init, max_iters or None) as float64 NumPy data: the hidden cases' kinds of input."""
    yield WORKED_X, WORKED_C, None
    for max_iters in (0, 1, 2, 3):
        yield WORKED_X, WORKED_C, max_iters
    for seed, n, d, k in [(101, 40, 2, 3), (387, 57, 5, 4), (140, 25, 1, 2), (303, 90, 3, 6), (103, 33, 7, 2)]:
        X, init = blobs(seed, n, d, k)
        yield X, init, None
    X, init = blobs(115, 30, 2, 2)
    yield X, np.vstack([init, [[100.0, 100.0]]]), None  # a centroid nearest to no point
    yield [[1], [1], [2], [5], [6]], [[0], [3], [8]], None  # cluster 1 empties after one update
    yield [[0, 0], [0, 2], [2, 0], [2, 2], [8, 8], [8, 10]], [[1, 1], [1, 1], [8, 9]], None  # equal centroids
    yield [[0], [1], [2], [3], [4]], [[1], [3]], None  # a point halfway
    yield [[0, 0], [2, 2], [2, -2], [4, 0], [1, 0], [3, 0], [2, 4]], [[1, 0], [3, 0], [2, 5]], 1  # on a bisector
    yield [[0, 0], [1, 0], [6, 0], [7, 1]], [[0.5, 1.5], [6, 1.5], [7, -1], [0, -1]], None  # n == k
    slow = [[3], [7], [14], [15], [16], [17], [18], [19], [22], [26]]
    for max_iters in (1, 2, 5, 100):
        yield slow, [[19], [26]], max_iters
    X = np.random.default_rng(20).normal(size=(17, 3))
    yield X, X[4:5], None  # one centroid: the mean
    X, init = blobs(107, 50, 2, 4, spread=2.5)
    yield X, init, 2  # stopped two updates before convergence
    X, init = blobs(121, 20, 3, 3)
    yield X, init, 0
    X, init = blobs(385, 400, 6, 8, spread=1.0)
    yield X, init, None


def inputs(dtype):
    for X, init, max_iters in fixed_calls():
        args = (torch.tensor(X, dtype=dtype), torch.tensor(init, dtype=dtype))
        yield "kmeans", args if max_iters is None else (*args, max_iters)


# -- (c) this kata's own assertions: kmeans -------------------------------------------------

def check_worked_example(implementation):
    """The statement's numbers, from the NumPy reference."""
    ref = implementation("numpy")
    X, C = np.array(WORKED_X, dtype=float), np.array(WORKED_C, dtype=float)
    centroids, labels = ref.kmeans(X, C)
    np.testing.assert_allclose(centroids, [[1 / 3, 1 / 3], [13 / 3, 13 / 3]], rtol=1e-12)
    assert labels.dtype == np.int64 and labels.tolist() == [0, 0, 0, 1, 1, 1]
    centroids, labels = ref.kmeans(X, C, 1)
    np.testing.assert_allclose(centroids, [[0, 0.5], [3.5, 3.25]], rtol=1e-12)
    assert labels.tolist() == [0, 0, 0, 1, 1, 1]
    centroids, labels = ref.kmeans(X, C, 0)
    np.testing.assert_array_equal(centroids, C)
    assert labels.tolist() == [0, 1, 0, 1, 1, 1]
    centroids, labels = ref.kmeans(np.array([[0.0], [1], [2], [3], [4]]), np.array([[1.0], [3]]))
    np.testing.assert_array_equal(centroids, [[1], [3.5]])
    assert labels.tolist() == [0, 0, 0, 1, 1]


def _trajectory(X, centroids, max_iters):
    """Every (centroids, labels) the NumPy reference's loop goes through, in float64."""
    ref_labels = lambda c: np.argmin(((X[:, None, :] - c[None]) ** 2).sum(-1), axis=1)  # noqa: E731
    labels = ref_labels(centroids)
    states = [centroids]
    for _ in range(max_iters):
        counts = np.bincount(labels, minlength=len(centroids))
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, X)
        centroids = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centroids)
        states.append(centroids)
        new = ref_labels(centroids)
        if np.array_equal(new, labels):
            break
        labels = new
    return states


def check_inputs_have_clear_nearest_centroids():
    """On every input, at every iteration, each point's two nearest centroids are either exactly
    as far (a designed tie, in small dyadic numbers that float32 holds exactly) or differ in
    squared distance by more than 5e-4 of |x|^2 + |c1|^2 + |c2|^2: far above float32 rounding,
    so every correct way of computing distances and means makes the same assignments."""
    for X, init, max_iters in fixed_calls():
        X, init = np.array(X, dtype=float), np.array(init, dtype=float)
        if len(init) < 2:
            continue
        for centroids in _trajectory(X, init, 100 if max_iters is None else max_iters):
            d2 = ((X[:, None, :] - centroids[None]) ** 2).sum(-1)
            order = np.argsort(d2, axis=1, kind="stable")
            first, second = order[:, 0], order[:, 1]
            rows = np.arange(len(X))
            gap = d2[rows, second] - d2[rows, first]
            norms = (centroids**2).sum(1)
            scale = (X**2).sum(1) + norms[first] + norms[second]
            tied = gap == 0
            assert np.all(tied | (gap > 5e-4 * scale)), (X.shape, init.shape, (gap / scale)[~tied].min())
            if tied.any():
                assert np.all(X * 4 == np.round(X * 4)) and np.all(centroids * 4 == np.round(centroids * 4))


def check_kmeans_never_raises_the_cost(track, implementation):
    """Lloyd's algorithm: the k-means cost after each update is at most the cost before it."""
    ref = implementation(track)
    X, init = blobs(7, 120, 2, 5, spread=2.0)
    costs = []
    for max_iters in range(8):
        if track == "torch":
            centroids, labels = (t.numpy() for t in ref.kmeans(torch.tensor(X), torch.tensor(init), max_iters))
        else:
            centroids, labels = ref.kmeans(X, init, max_iters)
        costs.append(((X - centroids[labels]) ** 2).sum())
    assert all(b <= a + 1e-9 for a, b in zip(costs, costs[1:])), costs


def check_kmeans_leaves_init_alone(track, implementation):
    ref = implementation(track)
    X, init = blobs(8, 30, 2, 3)
    if track == "torch":
        X, init = torch.tensor(X), torch.tensor(init)
    kept = init.copy() if track == "numpy" else init.clone()
    ref.kmeans(X, init)
    assert (kept == init).all()


# -- (c) kmeans_pp_init: the law of the draws ---------------------------------------------

def _as_track(X, track):
    return np.array(X, dtype=np.float64) if track == "numpy" else torch.tensor(X, dtype=torch.float32)


def _draw(function, X, k, seed, track):
    return np.asarray(function(X, k, Seeded(seed).build(track)), dtype=np.float64)


def _sites(out, sites):
    """The index of each returned row among `sites` (exact match), -1 where none."""
    match = np.all(out[:, None, :] == sites[None, :, :], axis=-1)
    return np.where(match.any(axis=1), match.argmax(axis=1), -1)


def _binomial_cdf(x, n, p):
    return sum(math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(0, min(x, n) + 1)) if x >= 0 else 0.0


def law_data():
    """F = (128, 0) as row 0, 800 copies of O = (0, 0) and 32 of each point at distance 1 from O
    (the hidden cases use a larger version of this set, which needs fewer draws)."""
    near = [[1, 0], [0, 1], [-1, 0], [0, -1]] * 32
    rest = np.array(near + [[0, 0]] * 800, dtype=float)
    return np.vstack([[[128.0, 0.0]], rest[np.random.default_rng(0).permutation(len(rest))]])


def _law(function, track):
    """400 draws of k = 3 on law_data(). The bounds, with their exact tails:
    first = O is Binomial(400, 800/929), outside [299, 381] with probability 7.4e-10;
    first = F (row 0) is Binomial(400, 1/929), above 8 with probability 3.7e-11;
    given a draws with first = O, second = F is Binomial(a, 128^2 / (128^2 + 128)),
    tested exactly at 1e-9; given L draws with (O, F), each near point as the third is
    Binomial(L, 1/4), tested exactly at 1e-9 on both sides (four points)."""
    X = _as_track(law_data(), track)
    sites = np.unique(law_data(), axis=0)  # (-1,0), (0,-1), (0,0), (0,1), (1,0), (128,0)
    O, F = 2, 5
    draws = []
    for seed in range(5000, 5400):
        draws.append(_sites(_draw(function, X, 3, seed, track), sites))
        assert (draws[-1] >= 0).all(), "a centre that is not a row of X"
        assert len(set(draws[-1])) == 3, "the same point twice"
    first, second, third = np.array(draws).T
    a = int((first == O).sum())
    assert 299 <= a <= 381, f"first = O in {a} of 400 draws; expected 344"
    assert int((first == F).sum()) <= 8, "first = row 0 too often"
    e = int((second[first == O] == F).sum())
    assert _binomial_cdf(e, a, 128**2 / (128**2 + 128)) >= 1e-9, f"second = F after O in {e} of {a} draws"
    thirds = third[(first == O) & (second == F)]
    for site in (0, 1, 3, 4):
        count = int((thirds == site).sum())
        low = _binomial_cdf(count, len(thirds), 0.25)
        high = 1 - _binomial_cdf(count - 1, len(thirds), 0.25)
        assert min(low, high) >= 1e-9, f"third centre {sites[site]} {count} times of {len(thirds)}"


def check_pp_follows_the_squared_distance_law(track, implementation):
    _law(implementation(track).kmeans_pp_init, track)


def check_oracle_pp_follows_the_squared_distance_law():
    _law(kmeans_pp_init, "torch")


# The statement's example: rows O, O, A = (3, 0), B = (0, 4); k = 2. Probabilities of the
# ordered pair (first, second) and, for 2000 draws, the bounds outside which a right file
# falls with probability below 1e-9 on each side (exact binomial tails).
PAIRS = {("O", "A"): (0.5 * 9 / 25, 261, 467), ("O", "B"): (0.5 * 16 / 25, 517, 767),
         ("A", "O"): (0.25 * 18 / 43, 132, 296), ("A", "B"): (0.25 * 25 / 43, 201, 389),
         ("B", "O"): (0.25 * 32 / 57, 192, 378), ("B", "A"): (0.25 * 25 / 57, 140, 307)}


def check_pp_worked_example_probabilities(track, implementation):
    function = implementation(track).kmeans_pp_init
    X = _as_track([[0, 0], [0, 0], [3, 0], [0, 4]], track)
    sites = np.array([[0, 0], [3, 0], [0, 4]], dtype=float)
    names = "OAB"
    counts = {}
    for seed in range(2000):
        first, second = _sites(_draw(function, X, 2, seed, track), sites)
        counts[names[first], names[second]] = counts.get((names[first], names[second]), 0) + 1
    assert set(counts) <= set(PAIRS), f"impossible pairs drawn: {set(counts) - set(PAIRS)}"
    for pair, (p, low, high) in PAIRS.items():
        assert low <= counts.get(pair, 0) <= high, f"{pair}: {counts.get(pair, 0)} of 2000, expected {2000 * p:.0f}"


def check_pp_same_seed_same_centres(track, implementation):
    function = implementation(track).kmeans_pp_init
    X = _as_track(np.random.default_rng(3).normal(size=(30, 2)), track)
    for seed in range(5):
        assert np.array_equal(_draw(function, X, 4, seed, track), _draw(function, X, 4, seed, track))


def check_pp_every_distinct_row_once(track, implementation):
    function = implementation(track).kmeans_pp_init
    X = _as_track([[0, 0], [0, 0], [3, 0], [3, 0], [3, 0], [0, 4], [0, 0]], track)
    sites = np.array([[0, 0], [3, 0], [0, 4]], dtype=float)
    for seed in range(20):
        assert sorted(_sites(_draw(function, X, 3, seed, track), sites)) == [0, 1, 2]


def check_pp_too_few_distinct_rows_raises(track, implementation):
    function = implementation(track).kmeans_pp_init
    X = _as_track([[1, 1], [1, 1], [2, 2], [1, 1]], track)
    try:
        function(X, 3, Seeded(0).build(track))
    except ValueError:
        return
    raise AssertionError("k = 3 with 2 distinct rows did not raise ValueError")


def check_pp_output_type(track, implementation):
    function = implementation(track).kmeans_pp_init
    X = _as_track(np.random.default_rng(4).normal(size=(9, 3)), track)
    out = function(X, 4, Seeded(1).build(track))
    if track == "numpy":
        assert type(out) is np.ndarray and out.dtype == np.float64 and out.shape == (4, 3)
    else:
        assert type(out) is torch.Tensor and out.dtype == torch.float32 and out.shape == (4, 3)
        assert type(function(X, 2)) is torch.Tensor  # generator=None: the default generator
