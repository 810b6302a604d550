# expect: fail
"""WRONG: log space for the likelihoods, but the posterior is normalised as probabilities and then logged:
a posterior below the smallest float becomes 0 and its log -inf, where the true log posterior is finite."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, counts = np.unique(y, return_counts=True)
    mean = np.array([X[y == c].mean(axis=0) for c in classes])
    var = np.array([X[y == c].var(axis=0) for c in classes]) + var_smoothing * X.var(axis=0).max()
    return {"classes": classes, "log_prior": np.log(counts / len(y)), "mean": mean, "var": var}


def _joint(params, X):
    diff = X[:, None, :] - params["mean"]
    return params["log_prior"] - 0.5 * (np.log(2 * np.pi * params["var"]) + diff**2 / params["var"]).sum(axis=2)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    p = np.exp(joint - joint.max(axis=1, keepdims=True))
    return np.log(p / p.sum(axis=1, keepdims=True))


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(axis=1)]
