# expect: pass
"""The quadratic term expanded into matrix products (x^2/v - 2 x m/v + m^2/v),
as a GPU implementation might write it, with torch.special.logsumexp."""

import math

import torch


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, inverse, counts = torch.unique(y, return_inverse=True, return_counts=True)
    weights = torch.nn.functional.one_hot(inverse, len(classes)).to(X.dtype).T / counts[:, None].to(X.dtype)
    mean = weights @ X
    var = weights @ (X - mean[inverse]).square()
    var = var + var_smoothing * X.var(dim=0, correction=0).max()
    return {"classes": classes, "log_prior": torch.log(counts.to(X.dtype) / counts.sum()), "mean": mean, "var": var}


def _joint(params, X):
    precision = params["var"].reciprocal()
    mean = params["mean"]
    quad = X.square() @ precision.T - 2 * X @ (mean * precision).T + (mean.square() * precision).sum(1)
    return params["log_prior"] - 0.5 * (torch.log(2 * math.pi * params["var"]).sum(1) + quad)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    return joint - torch.special.logsumexp(joint, dim=1, keepdim=True)


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(dim=1)]
