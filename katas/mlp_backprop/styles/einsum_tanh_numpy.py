# expect: pass
"""einsum for every product, the sigmoid as 0.5 * (1 + tanh(z / 2)), the ReLU mask read from A1."""

import numpy as np


def mlp_forward(X, params):
    A1 = np.maximum(np.einsum("nd,dh->nh", X, params["W1"]) + params["b1"], 0.0)
    Z2 = np.einsum("nh,ho->no", A1, params["W2"]) + params["b2"]
    probs = 0.5 * (1.0 + np.tanh(0.5 * Z2))
    return probs, {"inputs": X, "hidden": A1, "out": probs}


def mlp_backward(y, cache, params):
    X, A1, probs = cache["inputs"], cache["hidden"], cache["out"]
    delta2 = (probs - np.reshape(y, probs.shape)) / len(X)
    delta1 = np.einsum("no,ho->nh", delta2, params["W2"]) * (A1 > 0)
    return {
        "W1": np.einsum("nd,nh->dh", X, delta1),
        "b1": np.einsum("nh->h", delta1),
        "W2": np.einsum("nh,no->ho", A1, delta2),
        "b2": np.einsum("no->o", delta2),
    }
