"""Hidden cases for slstm_cell and slstm_tree.

Which case catches which classic mistake:
- every cell case has H >= 2, non-symmetric weights, different _L and _R
  weights and different forget-gate weights, and nonzero children's cells,
  so a transposed matrix, swapped sides, one shared forget gate, missing
  peepholes and an output gate that reads the children's cells all show;
  the H = 1 cases leave out the transposed weights (1 x 1 is symmetric);
- a tree catches a reversed recursion whenever it has an internal node, and
  leaves taken by position whenever its leaves are not 0, 1, 2, ... in
  walk order (a bare leaf k > 0, the non-sorted trees);
- one cell case with cells in the hundreds drives a gate's pre-activation
  below -709, where 1 / (1 + exp(-z)) overflows in NumPy.
"""

import numpy as np
import pytest

CELL = ["output-gate-old-cell", "one-forget-gate", "left-right-swapped", "no-peepholes"]
GATES = ("i", "fl", "fr")
KEYS = ([f"W_{k}{g}_{s}" for g in GATES for k in "hc" for s in "LR"]
        + ["W_hu_L", "W_hu_R", "W_ho_L", "W_ho_R", "W_co"])
BIASES = ["b_i", "b_fl", "b_fr", "b_u", "b_o"]


def params(rng, H, scale=0.6):
    p = {k: rng.normal(size=(H, H)) * scale / np.sqrt(H) for k in KEYS}
    p.update({k: rng.normal(size=H) * 0.3 for k in BIASES})
    return p


def leaves(rng, n, H):
    return rng.normal(size=(n, H)) * 0.8, rng.normal(size=(n, H))


# -- the worked example --------------------------------------------------------

def worked_params():
    A = np.array([[0.5, 0.25], [-0.25, 0.5]])
    p = {}
    for k in ["W_hi", "W_ci", "W_hfl", "W_cfl", "W_hfr", "W_cfr", "W_hu", "W_ho"]:
        p[k + "_L"], p[k + "_R"] = A, -A
    p["W_co"] = A
    p.update({b: np.zeros(2) for b in BIASES})
    p["b_fl"], p["b_fr"] = np.ones(2), -np.ones(2)
    return p


WORKED_H = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.5]])
WORKED_C = np.array([[1.0, -1.0], [2.0, 0.0], [0.5, 0.5]])


@pytest.mark.catches(*CELL, "weights-transposed")
def test_worked_example_cell(case):
    case.same("slstm_cell", WORKED_H[0], WORKED_C[0], WORKED_H[1], WORKED_C[1], worked_params())


@pytest.mark.catches(*CELL, "weights-transposed", "children-reversed", "leaf-by-position")
def test_worked_example_tree(case):
    case.same("slstm_tree", (2, (0, 1)), WORKED_H, WORKED_C, worked_params())


# -- the cell alone ------------------------------------------------------------

@pytest.mark.catches(*CELL, "weights-transposed")
@pytest.mark.parametrize("H", [2, 3, 7])
def test_cell(case, H):
    rng = case.rng(10 + H)
    h, c = leaves(rng, 2, H)
    case.same("slstm_cell", h[0], c[0], h[1], c[1], params(rng, H))


@pytest.mark.catches(*CELL)
def test_cell_hidden_size_one(case):
    rng = case.rng(20)
    h, c = leaves(rng, 2, 1)
    case.same("slstm_cell", h[0], c[0], h[1], c[1], params(rng, 1))


@pytest.mark.catches("sigmoid-overflows")
def test_cell_large_cell_states(case):
    # Cells in the hundreds reach the gates through the peepholes: pre-activations near -1000.
    rng = case.rng(21)
    h, c = leaves(rng, 2, 3)
    p = params(rng, 3)
    for g in GATES:
        p[f"W_c{g}_L"] = p[f"W_c{g}_R"] = 2.0 * np.eye(3)
    p["W_co"] = 2.0 * np.eye(3)
    case.same("slstm_cell", h[0], -300.0 * np.abs(c[0]) - 100.0, h[1], -300.0 * np.abs(c[1]) - 100.0, p)


# -- trees ---------------------------------------------------------------------

ORDERED = {
    "pair": (0, 1),
    "left-deep chain": (((0, 1), 2), 3),
    "right-deep chain": (0, (1, (2, 3))),
    "full binary": ((0, 1), (2, 3)),
    "unbalanced": ((0, (1, 2)), ((3, 4), 5)),
}
SHUFFLED = {
    "pair reversed": (1, 0),
    "unsorted full": ((3, 0), (2, (4, 1))),
    "unsorted left-deep": (((2, 5), 0), 3),
}
ALL_TREE = [*CELL, "weights-transposed", "children-reversed"]


def test_single_leaf_zero(case):
    rng = case.rng(30)
    case.same("slstm_tree", 0, *leaves(rng, 3, 4), params(rng, 4))


@pytest.mark.catches("leaf-by-position")
def test_single_leaf_not_first(case):
    rng = case.rng(31)
    case.same("slstm_tree", 2, *leaves(rng, 4, 4), params(rng, 4))


@pytest.mark.catches(*ALL_TREE)
@pytest.mark.parametrize("name", list(ORDERED))
def test_tree(case, name):
    rng = case.rng(40 + len(name))
    case.same("slstm_tree", ORDERED[name], *leaves(rng, 6, 4), params(rng, 4))


@pytest.mark.catches(*ALL_TREE, "leaf-by-position")
@pytest.mark.parametrize("name", list(SHUFFLED))
def test_tree_leaves_out_of_order(case, name):
    rng = case.rng(60 + len(name))
    case.same("slstm_tree", SHUFFLED[name], *leaves(rng, 6, 3), params(rng, 3))


@pytest.mark.catches(*CELL, "children-reversed", "leaf-by-position")
def test_tree_hidden_size_one(case):
    rng = case.rng(70)
    case.same("slstm_tree", ((3, 1), (0, 2)), *leaves(rng, 4, 1), params(rng, 1))


def test_deep_tree_bigger_state(case):
    rng = case.rng(80)
    tree = 0
    for k in range(1, 12):
        tree = (tree, k) if k % 2 else (k, tree)
    case.same("slstm_tree", tree, *leaves(rng, 12, 16), params(rng, 16))


def timing_case(rng):
    def full(lo, hi):
        return lo if hi - lo == 1 else (full(lo, (lo + hi) // 2), full((lo + hi) // 2, hi))

    return "slstm_tree", (full(0, 64), *leaves(rng, 64, 32), params(rng, 32)), {}
