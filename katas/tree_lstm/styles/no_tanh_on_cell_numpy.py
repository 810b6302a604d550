# expect: fail
"""WRONG: h = o * c, the cell passed out without its tanh squashing."""

import numpy as np


def _sig(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def slstm_cell(h_l, c_l, h_r, c_r, params):
    p = params
    gate = {g: _sig(p[f"W_h{g}_L"] @ h_l + p[f"W_h{g}_R"] @ h_r + p[f"W_c{g}_L"] @ c_l
                    + p[f"W_c{g}_R"] @ c_r + p[f"b_{g}"]) for g in ("i", "fl", "fr")}
    u = np.tanh(p["W_hu_L"] @ h_l + p["W_hu_R"] @ h_r + p["b_u"])
    c = gate["fl"] * c_l + gate["fr"] * c_r + gate["i"] * u
    o = _sig(p["W_ho_L"] @ h_l + p["W_ho_R"] @ h_r + p["W_co"] @ c + p["b_o"])
    return o * c, c


def slstm_tree(tree, leaf_h, leaf_c, params):
    if isinstance(tree, int):
        return leaf_h[tree].copy(), leaf_c[tree].copy()
    return slstm_cell(*slstm_tree(tree[0], leaf_h, leaf_c, params),
                      *slstm_tree(tree[1], leaf_h, leaf_c, params), params)
