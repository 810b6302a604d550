# expect: pass
"""One gate at a time with torch.sigmoid and @; the tree recursively."""

import torch


def slstm_cell(h_l, c_l, h_r, c_r, params):
    p = params

    def gate(g):
        return torch.sigmoid(p["W_h" + g + "_L"] @ h_l + p["W_h" + g + "_R"] @ h_r
                             + p["W_c" + g + "_L"] @ c_l + p["W_c" + g + "_R"] @ c_r + p["b_" + g])

    i, f_l, f_r = gate("i"), gate("fl"), gate("fr")
    u = torch.tanh(p["W_hu_L"] @ h_l + p["W_hu_R"] @ h_r + p["b_u"])
    c = f_l * c_l + f_r * c_r + i * u
    o = torch.sigmoid(p["W_ho_L"] @ h_l + p["W_ho_R"] @ h_r + p["W_co"] @ c + p["b_o"])
    return o * torch.tanh(c), c


def slstm_tree(tree, leaf_h, leaf_c, params):
    if isinstance(tree, int):
        return leaf_h[tree].clone(), leaf_c[tree].clone()
    left = slstm_tree(tree[0], leaf_h, leaf_c, params)
    right = slstm_tree(tree[1], leaf_h, leaf_c, params)
    return slstm_cell(*left, *right, params)
