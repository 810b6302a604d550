# expect: fail
"""WRONG: predict leaves out log_prior, as if every class were equally likely (maximum likelihood, not MAP)."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, counts = np.unique(y, return_counts=True)
    mean = np.array([X[y == c].mean(axis=0) for c in classes])
    var = np.array([X[y == c].var(axis=0) for c in classes]) + var_smoothing * X.var(axis=0).max()
    return {"classes": classes, "log_prior": np.log(counts / len(y)), "mean": mean, "var": var}


def _joint(params, X):
    diff = X[:, None, :] - params["mean"]
    return (-0.5 * np.log(2 * np.pi * params["var"]) - diff**2 / (2 * params["var"])).sum(axis=2)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    z = joint - joint.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(axis=1)]
