# expect: pass
"""Scalars kept as 0-d tensors throughout; the bias net one row at a time with torch.mv, stacked back."""

import torch


def forward(x, y, w1, w2, b):
    z2 = w2 * (w1 * x).clamp_min(0) + b
    a2 = torch.exp(-torch.log1p(torch.exp(-z2)))  # exp(-z2) = inf gives log1p = inf and a2 = 0
    return (y - a2) * (y - a2) / 2


def gradients(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = z1.clamp_min(0)
    a2 = 1 / (1 + torch.exp(-(w2 * a1 + b)))
    grad_z2 = (a2 - y) * a2 * (1 - a2)
    grad_a1 = grad_z2 * w2
    grad_z1 = grad_a1 if bool(z1 > 0) else torch.zeros_like(grad_a1)
    return {"w1": grad_z1 * x, "w2": grad_z2 * a1, "b": grad_z2}


def _row(v, W, V):
    h = torch.mv(W[:, :-1], v).add(W[:, -1]).clamp_min(0)
    z = torch.mv(V[:, :-1], h).add(V[:, -1]).clamp_min(0)
    e = torch.exp(z - z.max())
    return e / e.sum()


def forward_with_bias(x, W, V):
    rows = x.reshape(-1, x.shape[-1])
    probs = torch.stack([_row(r, W, V) for r in rows])
    return probs.reshape(*x.shape[:-1], V.shape[0])
