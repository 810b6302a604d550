# expect: pass
"""sigmoid via tanh, the backward from a cache of named intermediates; bias columns split off W and V, the max shift by hand."""

import torch


def _sigmoid(z):
    return 0.5 * (1 + torch.tanh(0.5 * z))


def _forward_cache(x, y, w1, w2, b):
    cache = {"x": x, "y": y, "w2": w2}
    cache["z1"] = w1 * x
    cache["a1"] = torch.maximum(cache["z1"], torch.zeros_like(cache["z1"]))
    cache["a2"] = _sigmoid(w2 * cache["a1"] + b)
    return cache


def forward(x, y, w1, w2, b):
    c = _forward_cache(x, y, w1, w2, b)
    return (c["y"] - c["a2"]) ** 2 * 0.5


def gradients(x, y, w1, w2, b):
    c = _forward_cache(x, y, w1, w2, b)
    dloss_dz2 = -(c["y"] - c["a2"]) * c["a2"] * (1 - c["a2"])
    dloss_dz1 = torch.where(c["z1"] > 0, dloss_dz2 * c["w2"], torch.zeros_like(dloss_dz2))
    return {"b": dloss_dz2, "w2": dloss_dz2 * c["a1"], "w1": dloss_dz1 * c["x"]}


def forward_with_bias(x, W, V):
    a1 = (x @ W[:, :-1].T + W[:, -1]).relu()
    z2 = (a1 @ V[:, :-1].T + V[:, -1]).relu()
    z2 = z2 - z2.max(dim=-1, keepdim=True).values
    e = z2.exp()
    return e / e.sum(dim=-1, keepdim=True)
