# expect: pass
"""Rows sorted by label and split into classes; predict one class column at a
time, with the log-sum-exp written out as max + log1p of the rest."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    order = np.argsort(y, kind="stable")
    classes, starts = np.unique(y[order], return_index=True)
    groups = np.split(X[order], starts[1:])
    mean = np.vstack([g.mean(axis=0) for g in groups])
    var = np.vstack([((g - g.mean(axis=0)) ** 2).mean(axis=0) for g in groups])
    sizes = np.array([g.shape[0] for g in groups])
    epsilon = var_smoothing * ((X - X.mean(axis=0)) ** 2).mean(axis=0).max()
    return {"classes": classes, "log_prior": np.log(sizes) - np.log(sizes.sum()), "mean": mean, "var": var + epsilon}


def _joint(params, X):
    columns = [params["log_prior"][i]
               - 0.5 * np.sum(np.log(2 * np.pi * v) + (X - m) ** 2 / v, axis=1)
               for i, (m, v) in enumerate(zip(params["mean"], params["var"]))]
    return np.column_stack(columns)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    best = joint.argmax(axis=1)
    top = joint[np.arange(len(joint)), best][:, None]
    rest = np.exp(joint - top)
    rest[np.arange(len(joint)), best] = 0.0
    return joint - top - np.log1p(rest.sum(axis=1, keepdims=True))


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(axis=1)]
