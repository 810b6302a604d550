# expect: pass
"""A one-hot matrix from torch.unique's inverse for fit; einsum over
(query, class, feature) and an explicit max-shifted logsumexp in predict."""

import math

import torch


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, inverse = torch.unique(y, return_inverse=True)
    onehot = (inverse[:, None] == torch.arange(len(classes), device=X.device)).to(X.dtype)
    counts = onehot.sum(0)
    mean = torch.einsum("nc,nd->cd", onehot, X) / counts[:, None]
    var = torch.einsum("nc,nd->cd", onehot, (X - onehot @ mean) ** 2) / counts[:, None]
    epsilon = var_smoothing * X.var(0, correction=0).amax()
    return {"classes": classes, "log_prior": counts.log() - math.log(X.shape[0]), "mean": mean, "var": var + epsilon}


def _joint(params, X):
    diff = X[:, None, :] - params["mean"][None]
    quad = torch.einsum("ncd,cd->nc", diff**2, params["var"].reciprocal())
    log_norm = 0.5 * torch.log(2 * math.pi * params["var"]).sum(-1)
    return params["log_prior"] - log_norm - 0.5 * quad


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    m = joint.amax(1, keepdim=True)
    return joint - (m + (joint - m).exp().sum(1, keepdim=True).log())


def gaussian_nb_predict(params, X):
    return params["classes"].gather(0, _joint(params, X).argmax(1))
