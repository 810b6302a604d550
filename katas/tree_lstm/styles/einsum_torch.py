# expect: pass
"""einsum products, sigmoid written as 1 / (1 + exp(-z)) (no warning in torch), a post-order list."""

import torch


def _sig(z):
    return 1 / (1 + torch.exp(-z))


def slstm_cell(h_l, c_l, h_r, c_r, params):
    def mv(name, v):
        return torch.einsum("ij,j->i", params[name], v)

    z = {g: mv(f"W_h{g}_L", h_l) + mv(f"W_h{g}_R", h_r) + mv(f"W_c{g}_L", c_l) + mv(f"W_c{g}_R", c_r)
         + params["b_" + g] for g in ("i", "fl", "fr")}
    u = torch.tanh(mv("W_hu_L", h_l) + mv("W_hu_R", h_r) + params["b_u"])
    c = _sig(z["fl"]) * c_l + _sig(z["fr"]) * c_r + _sig(z["i"]) * u
    o = _sig(mv("W_ho_L", h_l) + mv("W_ho_R", h_r) + mv("W_co", c) + params["b_o"])
    return o * torch.tanh(c), c


def slstm_tree(tree, leaf_h, leaf_c, params):
    order = []

    def visit(t):
        if not isinstance(t, int):
            visit(t[0])
            visit(t[1])
        order.append(t)

    visit(tree)
    states = []
    for node in order:
        if isinstance(node, int):
            states.append((leaf_h[node].clone(), leaf_c[node].clone()))
        else:
            (hr, cr), (hl, cl) = states.pop(), states.pop()
            states.append(slstm_cell(hl, cl, hr, cr, params))
    return states[0]
