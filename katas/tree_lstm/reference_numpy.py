"""S-LSTM (Zhu et al., 2015) over a binary tree, NumPy reference."""

import numpy as np


def _sigmoid(z):
    # tanh form: no overflow in exp for large negative z.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _gate(p, g, h_l, c_l, h_r, c_r):
    return _sigmoid(p[f"W_h{g}_L"] @ h_l + p[f"W_h{g}_R"] @ h_r
                    + p[f"W_c{g}_L"] @ c_l + p[f"W_c{g}_R"] @ c_r + p[f"b_{g}"])


def slstm_cell(h_l, c_l, h_r, c_r, params):
    p = params
    i = _gate(p, "i", h_l, c_l, h_r, c_r)
    f_l = _gate(p, "fl", h_l, c_l, h_r, c_r)
    f_r = _gate(p, "fr", h_l, c_l, h_r, c_r)
    u = np.tanh(p["W_hu_L"] @ h_l + p["W_hu_R"] @ h_r + p["b_u"])
    c = f_l * c_l + f_r * c_r + i * u
    # The output gate's peephole looks at the cell just computed.
    o = _sigmoid(p["W_ho_L"] @ h_l + p["W_ho_R"] @ h_r + p["W_co"] @ c + p["b_o"])
    return o * np.tanh(c), c


def slstm_tree(tree, leaf_h, leaf_c, params):
    if isinstance(tree, int):
        return leaf_h[tree].copy(), leaf_c[tree].copy()
    left, right = tree
    h_l, c_l = slstm_tree(left, leaf_h, leaf_c, params)
    h_r, c_r = slstm_tree(right, leaf_h, leaf_c, params)
    return slstm_cell(h_l, c_l, h_r, c_r, params)
