# expect: pass
"""Batched by height: every node whose children are ready is computed in one batched cell call."""

import torch


def _batched_cell(h_l, c_l, h_r, c_r, p):
    # Rows are nodes: (B, H) @ W.T applies W to each row.
    def lin(name, v):
        return v @ p[name].T

    g = {n: torch.sigmoid(lin(f"W_h{n}_L", h_l) + lin(f"W_h{n}_R", h_r) + lin(f"W_c{n}_L", c_l)
                          + lin(f"W_c{n}_R", c_r) + p["b_" + n]) for n in ("i", "fl", "fr")}
    u = torch.tanh(lin("W_hu_L", h_l) + lin("W_hu_R", h_r) + p["b_u"])
    c = g["fl"] * c_l + g["fr"] * c_r + g["i"] * u
    o = torch.sigmoid(lin("W_ho_L", h_l) + lin("W_ho_R", h_r) + lin("W_co", c) + p["b_o"])
    return o * torch.tanh(c), c


def slstm_cell(h_l, c_l, h_r, c_r, params):
    h, c = _batched_cell(h_l[None], c_l[None], h_r[None], c_r[None], params)
    return h[0], c[0]


def slstm_tree(tree, leaf_h, leaf_c, params):
    levels = {}

    def height(t):
        if isinstance(t, int):
            return 0
        k = 1 + max(height(t[0]), height(t[1]))
        levels.setdefault(k, []).append(t)
        return k

    top = height(tree)
    if top == 0:
        return leaf_h[tree].clone(), leaf_c[tree].clone()
    state = {}

    def get(t):
        return (leaf_h[t], leaf_c[t]) if isinstance(t, int) else state[id(t), t]

    for k in range(1, top + 1):
        nodes = levels[k]
        hl, cl = zip(*(get(t[0]) for t in nodes))
        hr, cr = zip(*(get(t[1]) for t in nodes))
        h, c = _batched_cell(torch.stack(hl), torch.stack(cl), torch.stack(hr), torch.stack(cr), params)
        for j, t in enumerate(nodes):
            state[id(t), t] = (h[j], c[j])
    return get(tree)
