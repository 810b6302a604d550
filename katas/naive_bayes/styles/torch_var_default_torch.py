# expect: fail as unbiased-variance
"""WRONG: Tensor.var without correction=0 divides by n - 1."""

import math

import torch


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes = torch.unique(y)
    rows = [X[y == c] for c in classes]
    mean = torch.stack([r.mean(0) for r in rows])
    var = torch.stack([r.var(0) for r in rows]) + var_smoothing * X.var(0, correction=0).max()
    prior = torch.tensor([len(r) / len(y) for r in rows], dtype=X.dtype, device=X.device)
    return {"classes": classes, "log_prior": prior.log(), "mean": mean, "var": var}


def _joint(params, X):
    diff = X[:, None] - params["mean"]
    var = params["var"]
    return params["log_prior"] - 0.5 * (torch.log(2 * math.pi * var) + diff**2 / var).sum(-1)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    return joint - torch.logsumexp(joint, dim=1, keepdim=True)


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(1)]
