# expect: fail as no-1-over-n
"""Gradients of the summed loss: every one N times too large."""

import torch


def mlp_forward(X, params):
    hidden = torch.relu(X @ params["W1"] + params["b1"])
    probs = torch.sigmoid(hidden @ params["W2"] + params["b2"])
    return probs, [X, hidden, probs]


def mlp_backward(y, cache, params):
    X, hidden, probs = cache
    err = probs - y.reshape(-1, 1)
    back = (err @ params["W2"].T) * (hidden > 0)
    return {"W1": X.T @ back, "b1": back.sum(0), "W2": hidden.T @ err, "b2": err.sum(0)}
