# expect: fail as naive-sigmoid-overflow
"""The textbook 1 / (1 + np.exp(-z)): right values, but exp overflows (and warns) for logits below -709."""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def mlp_forward(X, params):
    z1 = X @ params["W1"] + params["b1"]
    a1 = np.where(z1 > 0, z1, 0.0)
    probs = sigmoid(a1 @ params["W2"] + params["b2"])
    return probs, {"x": X, "z1": z1, "a1": a1, "p": probs}


def mlp_backward(y, cache, params):
    dz2 = (cache["p"] - y.reshape(cache["p"].shape)) / cache["x"].shape[0]
    dz1 = np.where(cache["z1"] > 0, dz2 @ params["W2"].T, 0.0)
    return {"W1": cache["x"].T @ dz1, "b1": dz1.sum(0), "W2": cache["a1"].T @ dz2, "b2": dz2.sum(0)}
