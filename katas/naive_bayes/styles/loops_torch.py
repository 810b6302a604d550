# expect: pass
"""A loop over the classes with boolean masks in fit, and over the classes in predict."""

import math

import torch


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes = torch.unique(y, sorted=True)
    means, variances, priors = [], [], []
    for c in classes:
        rows = X[y == c]
        means.append(rows.mean(0))
        variances.append(((rows - rows.mean(0)) ** 2).mean(0))
        priors.append(rows.shape[0] / X.shape[0])
    epsilon = var_smoothing * ((X - X.mean(0)) ** 2).mean(0).max()
    return {
        "classes": classes,
        "log_prior": torch.log(torch.tensor(priors, dtype=X.dtype, device=X.device)),
        "mean": torch.stack(means),
        "var": torch.stack(variances) + epsilon,
    }


def _joint(params, X):
    columns = []
    for i in range(len(params["classes"])):
        mean, var = params["mean"][i], params["var"][i]
        log_density = -0.5 * torch.log(2 * math.pi * var) - (X - mean) ** 2 / (2 * var)
        columns.append(params["log_prior"][i] + log_density.sum(1))
    return torch.stack(columns, dim=1)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    top = joint.max(dim=1, keepdim=True).values
    return joint - top - torch.log(torch.exp(joint - top).sum(dim=1, keepdim=True))


def gaussian_nb_predict(params, X):
    return params["classes"][torch.argmax(_joint(params, X), dim=1)]
