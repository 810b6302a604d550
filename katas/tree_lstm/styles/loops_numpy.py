# expect: pass
"""Matrix-vector products row by row, the cell update unit by unit; the tree recursively."""

import math

import numpy as np


def _sig(z):
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _mv(W, v):
    return np.array([np.dot(W[r], v) for r in range(W.shape[0])])


def slstm_cell(h_l, c_l, h_r, c_r, params):
    p = params
    pre = {}
    for g in ("i", "fl", "fr"):
        pre[g] = (_mv(p["W_h" + g + "_L"], h_l) + _mv(p["W_h" + g + "_R"], h_r)
                  + _mv(p["W_c" + g + "_L"], c_l) + _mv(p["W_c" + g + "_R"], c_r) + p["b_" + g])
    pre_u = _mv(p["W_hu_L"], h_l) + _mv(p["W_hu_R"], h_r) + p["b_u"]
    H = len(h_l)
    c = np.zeros(H)
    for k in range(H):
        c[k] = _sig(pre["fl"][k]) * c_l[k] + _sig(pre["fr"][k]) * c_r[k] + _sig(pre["i"][k]) * math.tanh(pre_u[k])
    pre_o = _mv(p["W_ho_L"], h_l) + _mv(p["W_ho_R"], h_r) + _mv(p["W_co"], c) + p["b_o"]
    h = np.array([_sig(pre_o[k]) * math.tanh(c[k]) for k in range(H)])
    return h, c


def slstm_tree(tree, leaf_h, leaf_c, params):
    if type(tree) is int:
        return np.array(leaf_h[tree]), np.array(leaf_c[tree])
    a = slstm_tree(tree[0], leaf_h, leaf_c, params)
    b = slstm_tree(tree[1], leaf_h, leaf_c, params)
    return slstm_cell(a[0], a[1], b[0], b[1], params)
