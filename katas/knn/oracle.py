"""The outside oracle for knn: torch.cdist for the distances, a stable torch.sort
for the order, and a bincount for the vote.

torch.cdist is asked for its direct form (compute_mode="donot_use_mm_for_euclid_dist"),
which is exact on the integer coordinates the tie cases use; its matrix-product
form rounds a^2 - 2ab + b^2 and could order near-equal distances otherwise. The
vote counts each query's labels with torch.bincount over (query, label) bins,
without torch.mode, whose choice among tied modes is not documented.
"""

import sys
from pathlib import Path

import numpy as np
import torch


def _neighbours(X_train, X_query, k):
    d = torch.cdist(X_query, X_train, compute_mode="donot_use_mm_for_euclid_dist")
    return torch.sort(d, dim=1, stable=True).indices[:, :k]


def k_nearest(X, query, k):
    return _neighbours(X, query[None, :], k)[0]


def knn_classify(X_train, y_train, X_query, k):
    labels = y_train[_neighbours(X_train, X_query, k)]
    m, width = labels.shape[0], int(y_train.max()) + 1
    counts = torch.bincount((torch.arange(m)[:, None] * width + labels).flatten(),
                            minlength=m * width).reshape(m, width)
    return counts.argmax(dim=1)  # labels are non-negative: the bin is the label


def knn_regress(X_train, y_train, X_query, k):
    return y_train[_neighbours(X_train, X_query, k)].mean(dim=1)


# -- the calls to hold the references to -------------------------------------------

WORKED_X = [[1.0, 2.0], [2.0, 3.0], [3.0, 4.0], [4.0, 5.0]]
WORKED_QUERIES = [[2.5, 3.5], [4.0, 5.0]]
WORKED_LABELS = [3, 7, 10, 10]
WORKED_TARGETS = [1.0, 2.0, 4.0, 8.0]


def grid(seed, n, d, low=-3, high=3):
    """Small integer coordinates: squared distances are exact integers in float32, so ties are real."""
    return np.random.default_rng(seed).integers(low, high + 1, size=(n, d)).astype(np.float64)


def inputs(dtype):
    def t(values, kind=dtype):
        return torch.tensor(np.asarray(values), dtype=kind)

    X, Q = t(WORKED_X), t(WORKED_QUERIES)
    for k in (1, 2, 3, 4):
        yield "k_nearest", (X, Q[0], k)
        yield "knn_classify", (X, t(WORKED_LABELS, torch.int64), Q, k)
        yield "knn_regress", (X, t(WORKED_TARGETS), Q, k)
    rng = np.random.default_rng(7)
    for n, d, m in [(30, 2, 9), (25, 1, 6), (40, 3, 12)]:
        X_train, X_query = t(grid(n, n, d)), t(grid(n + 1, m, d))
        labels = t(rng.choice([3, 7, 10], size=n), torch.int64)
        targets = t(rng.normal(size=n))
        for k in (1, 4, 11, n):
            yield "k_nearest", (X_train, X_query[0], k)
            yield "knn_classify", (X_train, labels, X_query, k)
            yield "knn_regress", (X_train, targets, X_query, k)
    # Continuous points: the gaps between neighbouring distances dwarf float32 rounding.
    X_train, X_query = t(rng.normal(size=(50, 4))), t(rng.normal(size=(8, 4)))
    labels, targets = t(rng.integers(0, 4, size=50), torch.int64), t(rng.normal(size=50))
    for k in (1, 5):
        yield "k_nearest", (X_train, X_query[3], k)
        yield "knn_classify", (X_train, labels, X_query, k)
        yield "knn_regress", (X_train, targets, X_query, k)


# -- this kata's own assertions -----------------------------------------------------

HERE = str(Path(__file__).resolve().parent)


def _as_track(track, values, integer=False):
    if track == "numpy":
        return np.asarray(values, dtype=np.int64 if integer else np.float64)
    return torch.tensor(np.asarray(values), dtype=torch.int64 if integer else torch.float32)


def check_worked_example(track, implementation):
    ref = implementation(track)
    X, Q = _as_track(track, WORKED_X), _as_track(track, WORKED_QUERIES)
    labels, targets = _as_track(track, WORKED_LABELS, integer=True), _as_track(track, WORKED_TARGETS)
    assert np.asarray(ref.k_nearest(X, Q[0], 2)).tolist() == [1, 2]
    assert np.asarray(ref.k_nearest(X, Q[0], 4)).tolist() == [1, 2, 0, 3]
    assert np.asarray(ref.knn_classify(X, labels, Q, 2)).tolist() == [7, 10]
    assert np.asarray(ref.knn_classify(X, labels, Q, 3)).tolist() == [3, 10]
    np.testing.assert_allclose(np.asarray(ref.knn_regress(X, targets, Q, 2)), [3.0, 6.0], rtol=1e-6)
    np.testing.assert_allclose(np.asarray(ref.knn_regress(X, targets, Q, 3)), [7 / 3, 14 / 3], rtol=1e-6)


def check_ties_go_by_index_and_to_the_smallest_label(track, implementation):
    """On a grid with many equal distances the order is the index order among equals,
    and a 2-2 vote goes to the smaller label whichever neighbour is nearer."""
    ref = implementation(track)
    points = grid(11, 60, 2)
    d2 = ((points - points[0]) ** 2).sum(axis=1)
    expected = sorted(range(60), key=lambda i: (d2[i], i))
    X = _as_track(track, points)
    assert np.asarray(ref.k_nearest(X, X[0], 60)).tolist() == expected
    # Neighbours in distance order carry labels 9, 2, 9, 2: the smaller label wins both ties.
    X, y, q = _as_track(track, [[0.0], [1.0], [2.0], [3.0]]), _as_track(track, [9, 2, 9, 2], True), \
        _as_track(track, [[-0.25]])
    assert np.asarray(ref.knn_classify(X, y, q, 4)).tolist() == [2]
    assert np.asarray(ref.knn_classify(X, y, q, 2)).tolist() == [2]


def check_no_python_loop_over_pairs(track, implementation):
    """The kata's code runs a bounded number of Python lines, whatever the number of pairs:
    20 queries against 30 points may not take 600 trips through a loop body."""
    ref = implementation(track)
    rng = np.random.default_rng(3)
    X_train, X_query = _as_track(track, rng.normal(size=(30, 3))), _as_track(track, rng.normal(size=(20, 3)))
    y = _as_track(track, rng.integers(0, 3, size=30), integer=True)
    lines = 0

    def tracer(frame, event, arg):
        nonlocal lines
        if frame.f_code.co_filename.startswith(HERE):
            lines += event == "line"
            return tracer
        return None

    sys.settrace(tracer)
    try:
        ref.knn_classify(X_train, y, X_query, 5)
    finally:
        sys.settrace(None)
    assert lines < 200, f"{lines} Python lines ran for 20 x 30 pairs"
