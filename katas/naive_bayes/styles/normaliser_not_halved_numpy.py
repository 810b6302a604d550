# expect: fail
"""WRONG: the Gaussian's normaliser as -log(2 pi var) instead of -0.5 log(2 pi var) (the log of 1/sqrt(2 pi var))."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, counts = np.unique(y, return_counts=True)
    mean = np.array([X[y == c].mean(axis=0) for c in classes])
    var = np.array([X[y == c].var(axis=0) for c in classes]) + var_smoothing * X.var(axis=0).max()
    return {"classes": classes, "log_prior": np.log(counts / len(y)), "mean": mean, "var": var}


def _joint(params, X):
    diff = X[:, None, :] - params["mean"]
    log_density = -np.log(2 * np.pi * params["var"]) - diff**2 / (2 * params["var"])
    return params["log_prior"] + log_density.sum(axis=2)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    z = joint - joint.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(axis=1)]
