# expect: fail
"""WRONG: each forget gate reads only its own child (as in a Child-Sum Tree-LSTM); the S-LSTM's read both."""

import numpy as np


def _sig(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def slstm_cell(h_l, c_l, h_r, c_r, params):
    p = params
    i = _sig(p["W_hi_L"] @ h_l + p["W_hi_R"] @ h_r + p["W_ci_L"] @ c_l + p["W_ci_R"] @ c_r + p["b_i"])
    f_l = _sig(p["W_hfl_L"] @ h_l + p["W_cfl_L"] @ c_l + p["b_fl"])
    f_r = _sig(p["W_hfr_R"] @ h_r + p["W_cfr_R"] @ c_r + p["b_fr"])
    u = np.tanh(p["W_hu_L"] @ h_l + p["W_hu_R"] @ h_r + p["b_u"])
    c = f_l * c_l + f_r * c_r + i * u
    o = _sig(p["W_ho_L"] @ h_l + p["W_ho_R"] @ h_r + p["W_co"] @ c + p["b_o"])
    return o * np.tanh(c), c


def slstm_tree(tree, leaf_h, leaf_c, params):
    if isinstance(tree, int):
        return leaf_h[tree].copy(), leaf_c[tree].copy()
    return slstm_cell(*slstm_tree(tree[0], leaf_h, leaf_c, params),
                      *slstm_tree(tree[1], leaf_h, leaf_c, params), params)
