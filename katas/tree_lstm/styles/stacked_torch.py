# expect: pass
"""Gate weights stacked into one (4H, 4H) matrix, split with torch.split; an explicit stack for the tree."""

import torch


def slstm_cell(h_l, c_l, h_r, c_r, params):
    p = params
    H = h_l.shape[0]
    zero = torch.zeros(H, H, dtype=h_l.dtype, device=h_l.device)
    W = torch.cat([torch.cat([p[f"W_h{g}_L"], p[f"W_h{g}_R"], p[f"W_c{g}_L"], p[f"W_c{g}_R"]], dim=1)
                   for g in ("i", "fl", "fr")] + [torch.cat([p["W_hu_L"], p["W_hu_R"], zero, zero], dim=1)])
    b = torch.cat([p["b_i"], p["b_fl"], p["b_fr"], p["b_u"]])
    zi, zl, zr, zu = torch.split(W @ torch.cat([h_l, h_r, c_l, c_r]) + b, H)
    c = torch.sigmoid(zl) * c_l + torch.sigmoid(zr) * c_r + torch.sigmoid(zi) * torch.tanh(zu)
    o = torch.sigmoid(torch.cat([p["W_ho_L"], p["W_ho_R"], p["W_co"]], dim=1) @ torch.cat([h_l, h_r, c]) + p["b_o"])
    return o * torch.tanh(c), c


def slstm_tree(tree, leaf_h, leaf_c, params):
    todo, done = [(tree, False)], []
    while todo:
        node, ready = todo.pop()
        if isinstance(node, int):
            done.append((leaf_h[node], leaf_c[node]))
        elif ready:
            right = done.pop()
            left = done.pop()
            done.append(slstm_cell(left[0], left[1], right[0], right[1], params))
        else:
            todo.extend([(node, True), (node[1], False), (node[0], False)])
    h, c = done[0]
    return h.clone(), c.clone()
