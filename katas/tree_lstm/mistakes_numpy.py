"""Classic mistakes of the S-LSTM, NumPy track: one class per mistake.

A class holds only the functions its mistake changes; the others are the
reference's.
"""

import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _cell(h_l, c_l, h_r, c_r, p, sig=_sigmoid, swap=False, one_forget=False, peep=True,
          old_c=False, transpose=False):
    L, R = ("R", "L") if swap else ("L", "R")
    mv = (lambda W, v: v @ W) if transpose else (lambda W, v: W @ v)

    def gate(g):
        z = mv(p[f"W_h{g}_{L}"], h_l) + mv(p[f"W_h{g}_{R}"], h_r) + p[f"b_{g}"]
        if peep:
            z = z + mv(p[f"W_c{g}_{L}"], c_l) + mv(p[f"W_c{g}_{R}"], c_r)
        return sig(z)

    i, f_l = gate("i"), gate("fl")
    f_r = f_l if one_forget else gate("fr")
    u = np.tanh(mv(p[f"W_hu_{L}"], h_l) + mv(p[f"W_hu_{R}"], h_r) + p["b_u"])
    c = f_l * c_l + f_r * c_r + i * u
    z_o = mv(p[f"W_ho_{L}"], h_l) + mv(p[f"W_ho_{R}"], h_r) + p["b_o"]
    if peep:
        z_o = z_o + mv(p["W_co"], c_l + c_r if old_c else c)
    return sig(z_o) * np.tanh(c), c


def _tree(tree, leaf_h, leaf_c, params, cell, reverse=False):
    if isinstance(tree, int):
        return leaf_h[tree].copy(), leaf_c[tree].copy()
    h_l, c_l = _tree(tree[0], leaf_h, leaf_c, params, cell, reverse)
    h_r, c_r = _tree(tree[1], leaf_h, leaf_c, params, cell, reverse)
    if reverse:
        return cell(h_r, c_r, h_l, c_l, params)
    return cell(h_l, c_l, h_r, c_r, params)


def _with_cell(**kw):
    def cell(h_l, c_l, h_r, c_r, params):
        return _cell(h_l, c_l, h_r, c_r, params, **kw)

    def tree(t, leaf_h, leaf_c, params):
        return _tree(t, leaf_h, leaf_c, params, cell)

    return cell, tree


class output_gate_old_cell:
    slstm_cell, slstm_tree = map(staticmethod, _with_cell(old_c=True))


class one_forget_gate:
    slstm_cell, slstm_tree = map(staticmethod, _with_cell(one_forget=True))


class left_right_swapped:
    slstm_cell, slstm_tree = map(staticmethod, _with_cell(swap=True))


class no_peepholes:
    slstm_cell, slstm_tree = map(staticmethod, _with_cell(peep=False))


class weights_transposed:
    slstm_cell, slstm_tree = map(staticmethod, _with_cell(transpose=True))


class sigmoid_overflows:
    slstm_cell, slstm_tree = map(staticmethod, _with_cell(sig=lambda z: 1.0 / (1.0 + np.exp(-z))))


class children_reversed:
    def slstm_tree(tree, leaf_h, leaf_c, params):
        return _tree(tree, leaf_h, leaf_c, params, _cell, reverse=True)


class leaf_by_position:
    def slstm_tree(tree, leaf_h, leaf_c, params):
        # Leaves numbered in the order the walk meets them, not by the index they carry.
        count = [0]

        def walk(t):
            if isinstance(t, int):
                k = count[0]
                count[0] += 1
                return leaf_h[k].copy(), leaf_c[k].copy()
            h_l, c_l = walk(t[0])
            h_r, c_r = walk(t[1])
            return _cell(h_l, c_l, h_r, c_r, params)

        return walk(tree)
