"""The outside oracle for tree_lstm: an S-LSTM written independently, all gates from one stacked matrix.

tests/test_oracles.py holds the torch reference to the functions below in
float32 and float64, and the NumPy reference to the torch one; the README's
"The outside oracle" describes the contract.
"""

import torch

_GATES = ("i", "fl", "fr")


def _stacked(p):
    """(5H, 4H) matrix acting on [h_l; h_r; c_l; c_r]: rows i, f_l, f_r, u, then the o rows without W_co."""
    Z = torch.zeros_like(p["W_hu_L"])
    rows = [torch.cat([p[f"W_h{g}_L"], p[f"W_h{g}_R"], p[f"W_c{g}_L"], p[f"W_c{g}_R"]], dim=1) for g in _GATES]
    rows.append(torch.cat([p["W_hu_L"], p["W_hu_R"], Z, Z], dim=1))
    rows.append(torch.cat([p["W_ho_L"], p["W_ho_R"], Z, Z], dim=1))
    bias = torch.cat([p["b_i"], p["b_fl"], p["b_fr"], p["b_u"], p["b_o"]])
    return torch.cat(rows, dim=0), bias


def slstm_cell(h_l, c_l, h_r, c_r, params):
    W, b = _stacked(params)
    z = W @ torch.cat([h_l, h_r, c_l, c_r]) + b
    i, f_l, f_r, u, o_pre = z.chunk(5)
    c = torch.sigmoid(f_l) * c_l + torch.sigmoid(f_r) * c_r + torch.sigmoid(i) * torch.tanh(u)
    h = torch.sigmoid(o_pre + params["W_co"] @ c) * torch.tanh(c)
    return h, c


def slstm_tree(tree, leaf_h, leaf_c, params):
    # Iterative post-order walk with an explicit stack, unlike the recursive references.
    stack, done = [(tree, False)], []
    while stack:
        node, expanded = stack.pop()
        if isinstance(node, int):
            done.append((leaf_h[node], leaf_c[node]))
        elif expanded:
            (h_r, c_r), (h_l, c_l) = done.pop(), done.pop()
            done.append(slstm_cell(h_l, c_l, h_r, c_r, params))
        else:
            stack += [(node, True), (node[1], False), (node[0], False)]
    return done[0]


KEYS = ([f"W_{k}{g}_{s}" for g in _GATES for k in "hc" for s in "LR"]
        + ["W_hu_L", "W_hu_R", "W_ho_L", "W_ho_R", "W_co"])
BIASES = ["b_i", "b_fl", "b_fr", "b_u", "b_o"]


def make_params(g, dtype, H, scale=0.6):
    p = {k: torch.randn(H, H, generator=g, dtype=dtype) * scale / H ** 0.5 for k in KEYS}
    p.update({k: torch.randn(H, generator=g, dtype=dtype) * 0.3 for k in BIASES})
    return p


TREES = [(0, 3), 2, (((0, 1), 2), 3), (0, (1, (2, 3))), ((0, 1), (2, 3)), ((0, (1, 2)), ((3, 4), 5)),
         ((3, 0), (2, (4, 1))), ((1, 0), 2)]


def inputs(dtype):
    """(function, positional args) to hold the references to, with tensors of `dtype`."""
    g = torch.Generator().manual_seed(28)
    for H in (1, 2, 5):
        p = make_params(g, dtype, H)
        yield "slstm_cell", tuple(torch.randn(H, generator=g, dtype=dtype) for _ in range(4)) + (p,)
        for tree in TREES:
            n = 6
            yield "slstm_tree", (tree, torch.randn(n, H, generator=g, dtype=dtype) * 0.8,
                                 torch.randn(n, H, generator=g, dtype=dtype), p)
    # Cells in the hundreds, seen through the peepholes: gate pre-activations far below -709.
    p = make_params(g, dtype, 3)
    for k in [f"W_c{gate}_{s}" for gate in _GATES for s in "LR"] + ["W_co"]:
        p[k] = 2.0 * torch.eye(3, dtype=dtype)
    h_l, h_r = torch.randn(2, 3, generator=g, dtype=dtype)
    c_l, c_r = -100.0 - 300.0 * torch.rand(2, 3, generator=g, dtype=dtype)
    yield "slstm_cell", (h_l, c_l, h_r, c_r, p)
