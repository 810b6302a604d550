# expect: pass
"""All gates from one stacked matrix on [h_l, h_r, c_l, c_r]; the tree walked with an explicit stack."""

import numpy as np


def _sig(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def slstm_cell(h_l, c_l, h_r, c_r, params):
    p = params
    H = h_l.shape[0]
    O = np.zeros((H, H))
    blocks = [[p[f"W_h{g}_L"], p[f"W_h{g}_R"], p[f"W_c{g}_L"], p[f"W_c{g}_R"]] for g in ("i", "fl", "fr")]
    blocks.append([p["W_hu_L"], p["W_hu_R"], O, O])
    W = np.block(blocks)
    b = np.concatenate([p["b_i"], p["b_fl"], p["b_fr"], p["b_u"]])
    z = W @ np.concatenate([h_l, h_r, c_l, c_r]) + b
    i, f_l, f_r = _sig(z[:H]), _sig(z[H:2 * H]), _sig(z[2 * H:3 * H])
    c = f_l * c_l + f_r * c_r + i * np.tanh(z[3 * H:])
    o = _sig(np.hstack([p["W_ho_L"], p["W_ho_R"], p["W_co"]]) @ np.concatenate([h_l, h_r, c]) + p["b_o"])
    return o * np.tanh(c), c


def slstm_tree(tree, leaf_h, leaf_c, params):
    todo, results = [tree], []
    while todo:
        node = todo.pop()
        if isinstance(node, int):
            results.append((leaf_h[node].copy(), leaf_c[node].copy()))
        elif node == "combine":
            right, left = results.pop(), results.pop()
            results.append(slstm_cell(left[0], left[1], right[0], right[1], params))
        else:
            todo += ["combine", node[1], node[0]]
    return results[0]
