"""An S-LSTM cell and its bottom-up pass over a binary tree, in NumPy. Replace each `raise` with your code."""

import numpy as np


def slstm_cell(h_l, c_l, h_r, c_r, params):
    """One S-LSTM node from its two children.

    h_l, c_l, h_r, c_r: (H,) float64, the hidden and cell states of the left
    and the right child. params: dict of (H, H) matrices (applied as W @ v)
    and (H,) biases:
      W_hi_L, W_hi_R, W_ci_L, W_ci_R, b_i           input gate
      W_hfl_L, W_hfl_R, W_cfl_L, W_cfl_R, b_fl      left forget gate
      W_hfr_L, W_hfr_R, W_cfr_L, W_cfr_R, b_fr      right forget gate
      W_hu_L, W_hu_R, b_u                           candidate
      W_ho_L, W_ho_R, W_co, b_o                     output gate
    Returns (h, c), each (H,). Do not modify the inputs.
    """
    raise NotImplementedError


def slstm_tree(tree, leaf_h, leaf_c, params):
    """The (h, c) at the root of `tree`, computed bottom-up with slstm_cell.

    tree: a leaf index (int) or a pair (left, right) of trees, nested tuples.
    leaf_h, leaf_c: (n_leaves, H); leaf k's states are leaf_h[k], leaf_c[k].
    Returns (h, c), each (H,).
    """
    raise NotImplementedError
