# expect: pass
"""Products with einsum, children's states concatenated, nodes memoised bottom-up from a post-order list."""

import numpy as np


def _sig(z):
    return 0.5 + 0.5 * np.tanh(z / 2)


def slstm_cell(h_l, c_l, h_r, c_r, params):
    p = params

    def lin(name, v_l, v_r):
        return np.einsum("ij,j->i", p[name + "_L"], v_l) + np.einsum("ij,j->i", p[name + "_R"], v_r)

    gate = {g: _sig(lin("W_h" + g, h_l, h_r) + lin("W_c" + g, c_l, c_r) + p["b_" + g]) for g in ("i", "fl", "fr")}
    u = np.tanh(lin("W_hu", h_l, h_r) + p["b_u"])
    c = gate["fl"] * c_l + gate["fr"] * c_r + gate["i"] * u
    o = _sig(lin("W_ho", h_l, h_r) + np.einsum("ij,j->i", p["W_co"], c) + p["b_o"])
    return o * np.tanh(c), c


def _postorder(t, out):
    if not isinstance(t, int):
        _postorder(t[0], out)
        _postorder(t[1], out)
    out.append(t)
    return out


def slstm_tree(tree, leaf_h, leaf_c, params):
    state = {}
    for node in _postorder(tree, []):
        if isinstance(node, int):
            state[node] = (leaf_h[node], leaf_c[node])
        else:
            (hl, cl), (hr, cr) = state[node[0]], state[node[1]]
            state[node] = slstm_cell(hl, cl, hr, cr, params)
    h, c = state[tree]
    return np.array(h, copy=True), np.array(c, copy=True)
