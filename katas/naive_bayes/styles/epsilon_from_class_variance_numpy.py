# expect: fail
"""WRONG: epsilon from the largest variance within each class, not from the largest feature variance of all of X."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, counts = np.unique(y, return_counts=True)
    mean = np.array([X[y == c].mean(axis=0) for c in classes])
    var = np.array([X[y == c].var(axis=0) for c in classes])
    var = var + var_smoothing * var.max(axis=1, keepdims=True)
    return {"classes": classes, "log_prior": np.log(counts / len(y)), "mean": mean, "var": var}


def gaussian_nb_predict_log_proba(params, X):
    diff = X[:, None, :] - params["mean"]
    joint = params["log_prior"] - 0.5 * (np.log(2 * np.pi * params["var"]) + diff**2 / params["var"]).sum(axis=2)
    z = joint - joint.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def gaussian_nb_predict(params, X):
    return params["classes"][gaussian_nb_predict_log_proba(params, X).argmax(axis=1)]
