# expect: pass
"""einsum everywhere; sigmoid with torch.where over both branches; a dict cache with its own names."""

import torch


def _sigmoid(z):
    # Both branches are evaluated; the unused one may be inf or NaN, and is discarded.
    return torch.where(z >= 0, 1 / (1 + torch.exp(-z)), torch.exp(z) / (1 + torch.exp(z)))


def mlp_forward(X, params):
    pre = torch.einsum("nd,dh->nh", X, params["W1"]) + params["b1"]
    hidden = torch.maximum(pre, torch.zeros_like(pre))
    out = _sigmoid(torch.einsum("nh,ho->no", hidden, params["W2"]) + params["b2"])
    return out, {"x": X, "pre": pre, "hidden": hidden, "out": out}


def mlp_backward(y, cache, params):
    g2 = (cache["out"] - y.reshape(cache["out"].shape)) / cache["x"].shape[0]
    g1 = torch.einsum("no,ho->nh", g2, params["W2"]) * (cache["pre"] > 0)
    return {
        "W1": torch.einsum("nd,nh->dh", cache["x"], g1),
        "b1": torch.einsum("nh->h", g1),
        "W2": torch.einsum("nh,no->ho", cache["hidden"], g2),
        "b2": torch.einsum("no->o", g2),
    }
