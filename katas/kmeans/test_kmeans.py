"""Hidden cases for kmeans and kmeans_pp_init.

kmeans is deterministic, so it is compared with the reference's centroids
and labels. Which case catches which classic mistake:
- every data set with more points than centroids: distances reduced over
  the whole array (one number per centroid puts every point in one cluster)
  and an argmin over the centroid axis (k labels instead of n, and a
  boolean mask of the wrong length); as many centroids as points gives the
  wrong-axis argmin values instead of an error;
- a centroid far from every point, a duplicated initial centroid and a
  cluster that empties during the run: an empty cluster must keep its
  centroid, not turn NaN;
- small integer coordinates with exact ties (a point halfway between two
  centroids, two equal centroids): ties go to the lower index;
- max_iters = 0, 1, 2 and runs that need several updates: a loop that
  returns after one update, and labels left from before the last update
  (the returned labels must be those of the returned centroids).
Every case.same also fails a kmeans that writes into init_centroids (the
grader compares each input before and after the call). The data sets away
from the designed ties are chosen so that every point's nearest and
second-nearest centroid differ in squared distance by far more than float32
rounding at every iteration (oracle.py's check_inputs_have_clear_nearest_
centroids proves it), so any correct way of computing distances and means
gives the same assignments.

kmeans_pp_init is random: it is held to properties (k rows of X, distinct
even where X repeats rows, ValueError with too few distinct rows, the same
centres for one seed, others for other seeds) and, in
test_pp_draws_follow_the_squared_distance_law, to the law of its draws; that
test's docstring gives the exact bounds. The mistakes it catches are named
by the property each one alone fails (case.require(..., means=...)). A right
file fails some case of this module with probability below 3e-9.
"""

import math

import numpy as np
import pytest


# -- kmeans: the worked example ------------------------------------------------

WORKED_X = np.array([[0, 0], [1, 0], [0, 1], [4, 4], [5, 4], [4, 5]], dtype=float)
WORKED_C = np.array([[0, 0], [1, 0]], dtype=float)


@pytest.mark.catches("norm-over-whole-array", "argmin-wrong-axis", "one-iteration")
def test_worked_example(case):
    case.same("kmeans", WORKED_X, WORKED_C)


@pytest.mark.parametrize("max_iters", [0, pytest.param(1, marks=pytest.mark.catches("stale-labels"))])
def test_worked_example_max_iters(case, max_iters):
    # 0: the initial centroids and their labels; 1: one update, then the labels of
    # the updated centroids (two updates reach the fixed point of test_worked_example).
    case.same("kmeans", WORKED_X, WORKED_C, max_iters)


# -- kmeans: shapes --------------------------------------------------------------

def blobs(rng, n, d, k, spread=0.6):
    """n points around k well separated centres, and k initial centroids drawn
    from the points (so several updates are needed)."""
    centres = rng.uniform(-10, 10, size=(k, d))
    X = centres[rng.integers(k, size=n)] + spread * rng.normal(size=(n, d))
    init = X[rng.choice(n, size=k, replace=False)]
    return X, init


# (seed, n, d, k): each needs two to seven updates, and at every iteration each
# point's two nearest centroids differ in squared distance by more than 5e-4 of
# |x|^2 + |c1|^2 + |c2|^2, far above float32 rounding.
BLOB_CASES = [(101, 40, 2, 3), (387, 57, 5, 4), (140, 25, 1, 2), (303, 90, 3, 6), (103, 33, 7, 2)]


@pytest.mark.catches("norm-over-whole-array", "argmin-wrong-axis", "one-iteration")
@pytest.mark.parametrize("seed, n, d, k", BLOB_CASES)
def test_blobs(case, seed, n, d, k):
    X, init = blobs(case.rng(seed), n, d, k)
    case.same("kmeans", X, init)


def test_one_centroid_is_the_mean(case):
    X = case.rng(20).normal(size=(17, 3))
    case.same("kmeans", X, X[4:5])


def test_one_point(case):
    case.same("kmeans", np.array([[2.0, -1.0, 0.5]]), np.array([[0.0, 0.0, 0.0]]))


@pytest.mark.catches("argmin-wrong-axis")
def test_as_many_centroids_as_points(case):
    # n == k: an argmin over the centroid axis still has n entries, just the wrong ones.
    X = np.array([[0, 0], [1, 0], [6, 0], [7, 1]], dtype=float)
    C = np.array([[0.5, 1.5], [6, 1.5], [7, -1], [0, -1]], dtype=float)
    case.same("kmeans", X, C)


# -- kmeans: empty clusters ----------------------------------------------------------

@pytest.mark.catches("empty-cluster-nan")
def test_far_centroid_stays_empty(case):
    # The third centroid is nearest to no point: it keeps its place, the others converge.
    X, init = blobs(case.rng(115), 30, 2, 2)
    init = np.vstack([init, [[100.0, 100.0]]])
    case.same("kmeans", X, init)


@pytest.mark.catches("empty-cluster-nan")
def test_cluster_empties_during_the_run(case):
    # Centroid 1 starts with the points 2 and 5; after one update centroids 0 and 2
    # have moved to 1 and 6 and take them, so cluster 1 is empty and stays at 3.5.
    X = np.array([[1], [1], [2], [5], [6]], dtype=float)
    case.same("kmeans", X, np.array([[0], [3], [8]], dtype=float))


@pytest.mark.catches("ties-to-last", "empty-cluster-nan")
def test_duplicate_initial_centroids(case):
    # Centroids 0 and 1 are equal: every point ties between them and goes to 0,
    # and 1 stays empty where it started.
    X = np.array([[0, 0], [0, 2], [2, 0], [2, 2], [8, 8], [8, 10]], dtype=float)
    C = np.array([[1, 1], [1, 1], [8, 9]], dtype=float)
    case.same("kmeans", X, C)


# -- kmeans: ties ----------------------------------------------------------------

@pytest.mark.catches("ties-to-last")
def test_tie_on_a_line(case):
    # Point 2 is halfway between 1 and 3: it goes to centroid 0, which then
    # settles at 1 and centroid 1 at 3.5; sent to centroid 1 it would end at 0.5 and 3.
    X = np.array([[0], [1], [2], [3], [4]], dtype=float)
    case.same("kmeans", X, np.array([[1], [3]], dtype=float))


@pytest.mark.catches("ties-to-last")
def test_ties_in_the_plane(case):
    # Points on the perpendicular bisector of two centroids, in integer coordinates.
    X = np.array([[0, 0], [2, 2], [2, -2], [4, 0], [1, 0], [3, 0], [2, 4]], dtype=float)
    C = np.array([[1, 0], [3, 0], [2, 5]], dtype=float)
    case.same("kmeans", X, C, 1)


# -- kmeans: the stopping rule ---------------------------------------------------------

def slow_line():
    """Two clusters on a line that trade one point per update: eight updates to converge."""
    X = np.array([[3], [7], [14], [15], [16], [17], [18], [19], [22], [26]], dtype=float)
    return X, np.array([[19.0], [26.0]])


@pytest.mark.parametrize("max_iters", [
    1,
    pytest.param(2, marks=pytest.mark.catches("one-iteration", "stale-labels")),
    pytest.param(5, marks=pytest.mark.catches("one-iteration", "stale-labels")),
    pytest.param(100, marks=pytest.mark.catches("one-iteration")),
])
def test_stopping_rule(case, max_iters):
    X, C = slow_line()
    case.same("kmeans", X, C, max_iters)


@pytest.mark.catches("stale-labels")
def test_labels_are_those_of_the_returned_centroids(case):
    X, init = blobs(case.rng(107), 50, 2, 4, spread=2.5)  # nine updates to converge
    centroids, labels = case.run("kmeans", X, init, 2)
    nearest = np.argmin(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(-1), axis=1)
    case.require(np.array_equal(labels, nearest),
                 "with max_iters=2 the returned labels are not each point's nearest returned centroid: "
                 "assign the labels again after the last update")


def test_no_update_when_max_iters_is_0(case):
    X, init = blobs(case.rng(121), 20, 3, 3)
    case.same("kmeans", X, init, 0)


@pytest.mark.catches("norm-over-whole-array", "argmin-wrong-axis")
def test_bigger(case):
    X, init = blobs(case.rng(385), 400, 6, 8, spread=1.0)
    case.same("kmeans", X, init)


# -- kmeans_pp_init: properties ----------------------------------------------------------

def rows_of(case, X, centres, k):
    """The index of each returned centre among X's distinct rows; fails unless it is one."""
    centres = np.asarray(centres)
    case.require(centres.shape == (k, X.shape[1]),
                 f"kmeans_pp_init returned shape {centres.shape}; expected ({k}, {X.shape[1]}): k rows of X")
    sites = np.unique(X, axis=0)
    match = np.all(np.abs(centres[:, None, :] - sites[None, :, :]) <= 1e-6 * (1 + np.abs(sites)), axis=-1)
    case.require(match.any(axis=1).all(), "a returned centre is not a row of X")
    return match.argmax(axis=1)


@pytest.mark.parametrize("n, d, k, seed", [(12, 2, 1, 1), (20, 3, 3, 2), (7, 1, 4, 3), (30, 5, 6, 4)])
def test_pp_returns_distinct_rows(case, n, d, k, seed):
    X = np.round(case.rng(seed).normal(size=(n, d)) * 4)
    X[1] = X[0]  # a duplicate row
    site = rows_of(case, X, case.run("kmeans_pp_init", X, k, case.generator(seed)), k)
    case.require(len(set(site)) == k, "kmeans_pp_init returned the same point twice: a centre already "
                 "chosen (or a copy of it) is at distance 0 and can never be drawn again")


def test_pp_every_distinct_row_when_k_is_their_number(case):
    # Three distinct points, seven rows: k = 3 must return each of the three once.
    X = np.array([[0, 0], [0, 0], [3, 0], [3, 0], [3, 0], [0, 4], [0, 0]], dtype=float)
    for seed in range(3):
        site = rows_of(case, X, case.run("kmeans_pp_init", X, 3, case.generator(seed)), 3)
        case.require(sorted(site) == [0, 1, 2],
                     "with k = 3 on three distinct points (some rows repeated) each point must be chosen "
                     "once: a copy of a chosen row is at distance 0 and has probability 0")


def test_pp_fewer_distinct_rows_than_k_raises(case):
    X = np.array([[1, 1], [1, 1], [2, 2], [1, 1]], dtype=float)
    case.raises("kmeans_pp_init", "ValueError", X, 3, case.generator(0),
                why="k=3 with only 2 distinct rows in X")


@pytest.mark.catches("global-random-state")
def test_pp_same_seed_same_centres(case):
    X = case.rng(60).normal(size=(25, 2))
    first, second = (case.run("kmeans_pp_init", X, 4, case.generator(9)) for _ in range(2))
    case.require(np.array_equal(first, second),
                 "two generators seeded alike gave different centres: draw from the generator passed in, "
                 "not from a global random state", means="global-random-state")


def test_pp_other_seeds_other_centres(case):
    X = case.rng(61).normal(size=(20, 2))
    draws = {tuple(np.asarray(case.run("kmeans_pp_init", X, 3, case.generator(seed))).ravel())
             for seed in range(100, 108)}
    # Each first centre has probability 1/20, so eight equal draws have probability below 20 * 20**-8.
    case.require(len(draws) >= 2, "eight different seeds gave the same centres: draw from the generator")


def test_pp_default_generator(case):
    X = case.rng(62).normal(size=(10, 3))
    if case.track == "torch":  # generator=None: torch's default generator
        rows_of(case, X, case.run("kmeans_pp_init", X, 2), 2)
    else:
        rows_of(case, X, case.run("kmeans_pp_init", X, 2, case.generator(62)), 2)


# -- kmeans_pp_init: the law of the draws -------------------------------------------------

# The law test's data set and its number of draws: see its docstring for the bounds.
FAR, NEAR_COPIES, O_COPIES, DRAWS, A_MIN = 128, 32, 800, 60, 32


def pp_law_data():
    """Row 0 is F = (128, 0); then 800 copies of O = (0, 0) and 32 copies of each of
    (1, 0), (0, 1), (-1, 0), (0, -1), in a fixed shuffled order: 929 rows."""
    near = [[1, 0], [0, 1], [-1, 0], [0, -1]] * NEAR_COPIES
    rest = np.array(near + [[0, 0]] * O_COPIES, dtype=float)
    rest = rest[np.random.default_rng(0).permutation(len(rest))]
    return np.vstack([[[float(FAR), 0.0]], rest])


LAW_SEEDS = range(1000, 1000 + DRAWS)
P_SQUARED = FAR**2 / (FAR**2 + 4 * NEAR_COPIES)  # second = F given first = O, sampling by squared distance
P_DISTANCE = FAR / (FAR + 4 * NEAR_COPIES)  # the same, sampling by distance
P_UNIFORM = 1 / (4 * NEAR_COPIES + 1)  # the same, uniform over the rows at a positive distance
REJECT = 1e-9  # the tail probability below which a right file is failed


def binomial_cdf(x, n, p):
    """P(Binomial(n, p) <= x), exactly enough for n <= 60."""
    return sum(math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(0, min(x, n) + 1)) if x >= 0 else 0.0


def plausible(x, n, p, level=1e-6):
    """Neither tail of Binomial(n, p) at x is below `level`."""
    return binomial_cdf(x, n, p) >= level and 1.0 - binomial_cdf(x - 1, n, p) >= level


@pytest.mark.catches("first-centre-row-0", "farthest-point", "distance-not-squared", "uniform-rows")
def test_pp_draws_follow_the_squared_distance_law(case):
    """60 draws of k = 3 centres on pp_law_data(), whose sites are F = (128, 0) (row 0),
    O = (0, 0) (800 rows) and four points at distance 1 from O (32 rows each).

    - The first centre is uniform over the 929 rows, so it is O with probability
      800/929 = 0.861: a, the number of such draws, is Binomial(60, 0.861), and
      a < 32 has probability 1.8e-10. A first centre that is row 0 in all 60 draws
      has probability 929**-60.
    - Given first = O, the second is F with probability 128**2 / (128**2 + 128 * 1)
      = 0.992 (sampling by squared distance), 1/2 (by distance), 1/129 (uniform over
      the rows at a positive distance); it is never a copy of O, which rows drawn
      uniformly give with probability 799/928 = 0.86. Given a, the number e of
      draws with second = F is Binomial(a, 0.992): the case fails when
      P(Binomial(a, 0.992) <= e) < 1e-9, computed exactly. Sampling by distance
      passes that bound with probability 7e-7 (averaged over a), and when it fails
      it is named unless e is also plausible for uniform sampling (below 6e-5).
    - Given first = O and second = F, the third is each of the four points at
      distance 1 with probability 1/4; the same one in all e >= 20 such draws has
      probability at most 4 * 4**-20 = 3.6e-12. The farthest point would be the same
      every time.
    A right file fails this case with probability below 1.2e-9.
    """
    X = pp_law_data()
    sites = np.unique(X, axis=0)  # sorted: (-1,0), (0,-1), (0,0), (0,1), (1,0), (128,0)
    O, F = 2, 5
    draws = np.array([rows_of(case, X, case.run("kmeans_pp_init", X, 3, case.generator(seed)), 3)
                      for seed in LAW_SEEDS])
    first, second, third = draws.T
    n = len(draws)
    case.require(not np.all(first == F),
                 f"the first centre was row 0 in all {n} draws: draw it uniformly over the rows",
                 means="first-centre-row-0")
    a = int(np.sum(first == O))
    case.require(a >= A_MIN, f"the first centre was O = (0, 0) in {a} of {n} draws, where 800 of the 929 rows "
                 f"are O (expected 52, at least {A_MIN}): draw the first centre uniformly over the rows")
    after_o = second[first == O]
    e = int(np.sum(after_o == F))
    thirds = third[(first == O) & (second == F)]
    one_near_point = e >= 20 and thirds[0] not in (O, F) and np.all(thirds == thirds[0])
    case.require(not one_near_point,
                 f"after O and F the third centre was the same point in all {e} draws, where each of the four "
                 "points at distance 1 has probability 1/4: the next centre is sampled with probability "
                 "proportional to D(x)^2, not taken as the farthest point", means="farthest-point")
    repeats = int(np.sum(after_o == O))
    case.require(repeats < a / 2,
                 f"after a first centre at O = (0, 0) the second was another copy of O in {repeats} of {a} draws: "
                 "a copy of a chosen centre is at distance 0 and has probability 0; draw each next centre with "
                 "probability proportional to D(x)^2, not uniformly over the rows", means="uniform-rows")
    if binomial_cdf(e, a, P_SQUARED) < REJECT:
        message = (f"after a first centre at O the second was F = (128, 0) in {e} of {a} draws, where sampling "
                   f"by squared distance gives F with probability {P_SQUARED:.3f}")
        case.require(not (plausible(e, a, P_DISTANCE) and not plausible(e, a, P_UNIFORM)),
                     message + " and sampling by distance 1/2: weigh each point by its squared distance to the "
                     "nearest centre, not by the distance", means="distance-not-squared")
        case.require(False, message)
    case.require(all(len(set(row)) == 3 for row in draws),
                 "kmeans_pp_init returned the same point twice: a chosen centre is at distance 0")


def timing_case(rng):
    X, init = blobs(rng, 2000, 8, 8, spread=1.0)
    return "kmeans", (X, init), {}
