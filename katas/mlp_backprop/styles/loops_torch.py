# expect: pass
"""Row by row, gradients accumulated in place in fresh tensors; sigmoid via logsigmoid."""

import torch
import torch.nn.functional as F


def mlp_forward(X, params):
    rows_z, rows_p = [], []
    for x in X:
        z1 = x @ params["W1"] + params["b1"]
        rows_z.append(z1)
        rows_p.append(torch.exp(F.logsigmoid(z1.clamp(min=0) @ params["W2"] + params["b2"])))
    Z1 = torch.stack(rows_z)
    probs = torch.stack(rows_p)
    return probs, {"X": X, "Z1": Z1, "probs": probs}


def mlp_backward(y, cache, params):
    X, Z1, probs = cache["X"], cache["Z1"], cache["probs"]
    n = X.shape[0]
    labels = y.reshape(-1)
    grads = {k: torch.zeros_like(v) for k, v in params.items()}
    for i in range(n):
        dz2 = (probs[i] - labels[i]) / n  # (1,)
        a1 = Z1[i].clamp(min=0)
        grads["W2"] += torch.outer(a1, dz2)
        grads["b2"] += dz2
        dz1 = params["W2"][:, 0] * dz2 * (Z1[i] > 0)
        grads["W1"] += torch.outer(X[i], dz1)
        grads["b1"] += dz1
    return grads
