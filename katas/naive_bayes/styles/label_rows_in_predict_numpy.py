# expect: fail
"""WRONG: fit is right, but predict_log_proba looks up mean[c] and var[c] by label c (IndexError for label 9 of 3 classes)."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, counts = np.unique(y, return_counts=True)
    mean = np.array([X[y == c].mean(axis=0) for c in classes])
    var = np.array([X[y == c].var(axis=0) for c in classes]) + var_smoothing * X.var(axis=0).max()
    return {"classes": classes, "log_prior": np.log(counts / len(y)), "mean": mean, "var": var}


def _joint(params, X):
    columns = []
    for c in params["classes"]:
        mean, var = params["mean"][c], params["var"][c]
        log_density = -0.5 * np.log(2 * np.pi * var) - (X - mean) ** 2 / (2 * var)
        columns.append(params["log_prior"][c] + log_density.sum(axis=1))
    return np.stack(columns, axis=1)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    z = joint - joint.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(axis=1)]
