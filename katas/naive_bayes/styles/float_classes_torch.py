# expect: fail
"""WRONG: the classes come back as float32 (unique of y.float()), and so do the predicted labels."""

import math

import torch


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    labels = y.float()
    classes, counts = torch.unique(labels, return_counts=True)
    rows = [X[labels == c] for c in classes]
    mean = torch.stack([r.mean(0) for r in rows])
    var = torch.stack([r.var(0, correction=0) for r in rows]) + var_smoothing * X.var(0, correction=0).max()
    return {"classes": classes, "log_prior": torch.log(counts.to(X.dtype) / len(y)), "mean": mean, "var": var}


def _joint(params, X):
    diff = X[:, None] - params["mean"]
    var = params["var"]
    return params["log_prior"] - 0.5 * (torch.log(2 * math.pi * var) + diff**2 / var).sum(-1)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    return joint - torch.logsumexp(joint, dim=1, keepdim=True)


def gaussian_nb_predict(params, X):
    return params["classes"].float()[_joint(params, X).argmax(1)]
