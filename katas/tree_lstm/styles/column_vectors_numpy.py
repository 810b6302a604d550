# expect: pass
"""States as (H, 1) columns inside, the way many textbooks write them; flattened on the way out."""

import numpy as np


def _sig(z):
    return np.exp(-np.logaddexp(0.0, -z))


def _cell(hl, cl, hr, cr, p):
    b = {k: v.reshape(-1, 1) for k, v in p.items() if k.startswith("b_")}
    g = {}
    for n in ("i", "fl", "fr"):
        g[n] = _sig(np.dot(p[f"W_h{n}_L"], hl) + np.dot(p[f"W_h{n}_R"], hr)
                    + np.dot(p[f"W_c{n}_L"], cl) + np.dot(p[f"W_c{n}_R"], cr) + b["b_" + n])
    u = np.tanh(np.dot(p["W_hu_L"], hl) + np.dot(p["W_hu_R"], hr) + b["b_u"])
    c = g["fl"] * cl + g["fr"] * cr + g["i"] * u
    o = _sig(np.dot(p["W_ho_L"], hl) + np.dot(p["W_ho_R"], hr) + np.dot(p["W_co"], c) + b["b_o"])
    return o * np.tanh(c), c


def slstm_cell(h_l, c_l, h_r, c_r, params):
    h, c = _cell(*(v.reshape(-1, 1) for v in (h_l, c_l, h_r, c_r)), params)
    return h.ravel(), c.ravel()


def slstm_tree(tree, leaf_h, leaf_c, params):
    def go(t):
        if isinstance(t, int):
            return leaf_h[t].reshape(-1, 1).copy(), leaf_c[t].reshape(-1, 1).copy()
        return _cell(*go(t[0]), *go(t[1]), params)

    h, c = go(tree)
    return h.ravel(), c.ravel()
