# expect: pass
"""Explicit loops: a pass over the rows per class in fit, math.log per term in predict."""

import math

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    n, d = X.shape
    classes = np.array(sorted(set(y.tolist())), dtype=np.int64)
    column_means = [sum(X[r, j] for r in range(n)) / n for j in range(d)]
    largest = max(sum((X[r, j] - column_means[j]) ** 2 for r in range(n)) / n for j in range(d))
    log_prior = np.empty(len(classes))
    mean = np.empty((len(classes), d))
    var = np.empty((len(classes), d))
    for i, c in enumerate(classes):
        rows = [r for r in range(n) if y[r] == c]
        log_prior[i] = math.log(len(rows) / n)
        for j in range(d):
            m = sum(X[r, j] for r in rows) / len(rows)
            mean[i, j] = m
            var[i, j] = sum((X[r, j] - m) ** 2 for r in rows) / len(rows) + var_smoothing * largest
    return {"classes": classes, "log_prior": log_prior, "mean": mean, "var": var}


def _joint(params, X):
    mean, var, log_prior = params["mean"], params["var"], params["log_prior"]
    out = np.empty((X.shape[0], len(log_prior)))
    for r in range(X.shape[0]):
        for i in range(len(log_prior)):
            total = log_prior[i]
            for j in range(X.shape[1]):
                total -= 0.5 * math.log(2 * math.pi * var[i, j]) + (X[r, j] - mean[i, j]) ** 2 / (2 * var[i, j])
            out[r, i] = total
    return out


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    out = np.empty_like(joint)
    for r in range(joint.shape[0]):
        top = max(joint[r])
        lse = top + math.log(math.fsum(math.exp(v - top) for v in joint[r]))
        out[r] = joint[r] - lse
    return out


def gaussian_nb_predict(params, X):
    joint = _joint(params, X)
    return np.array([params["classes"][int(np.argmax(row))] for row in joint], dtype=np.int64)
