# expect: pass
"""scipy's expit, probs handled as a flat (N,) vector inside and reshaped on the way out; np.heaviside mask."""

import numpy as np
from scipy.special import expit


def mlp_forward(X, params):
    Z1 = np.dot(X, params["W1"]) + params["b1"]
    A1 = Z1 * np.heaviside(Z1, 0.0)
    p = expit(np.dot(A1, params["W2"][:, 0]) + params["b2"][0])
    return p.reshape(-1, 1), {"X": X, "Z1": Z1, "A1": A1, "p": p}


def mlp_backward(y, cache, params):
    X, Z1, A1, p = cache["X"], cache["Z1"], cache["A1"], cache["p"]
    g = (p - y.reshape(-1)) / X.shape[0]  # (N,)
    dZ1 = np.outer(g, params["W2"][:, 0]) * np.heaviside(Z1, 0.0)
    return {
        "W1": np.dot(X.T, dZ1),
        "b1": np.sum(dZ1, axis=0),
        "W2": np.dot(A1.T, g)[:, None],
        "b2": np.array([g.sum()]),
    }
