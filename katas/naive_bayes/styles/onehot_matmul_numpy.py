# expect: pass
"""Vectorised fit through np.unique's inverse indices and a one-hot matrix;
predict by expanding the square into matrix products; np.logaddexp.reduce."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, inverse, counts = np.unique(y, return_inverse=True, return_counts=True)
    onehot = np.eye(len(classes))[inverse]  # (N, C)
    mean = onehot.T @ X / counts[:, None]
    var = onehot.T @ (X - mean[inverse]) ** 2 / counts[:, None]
    var = var + var_smoothing * np.var(X, axis=0).max()
    return {"classes": classes, "log_prior": np.log(counts) - np.log(len(y)), "mean": mean, "var": var}


def _joint(params, X):
    precision = 1.0 / params["var"]
    # sum_j (x_j - m_j)^2 / v_j = x^2 . (1/v) - 2 x . (m/v) + sum_j m_j^2 / v_j
    quadratic = (X**2) @ precision.T - 2.0 * X @ (params["mean"] * precision).T \
        + (params["mean"] ** 2 * precision).sum(axis=1)
    return params["log_prior"] - 0.5 * np.log(2 * np.pi * params["var"]).sum(axis=1) - 0.5 * quadratic


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    return joint - np.logaddexp.reduce(joint, axis=1, keepdims=True)


def gaussian_nb_predict(params, X):
    return params["classes"][np.argmax(_joint(params, X), axis=1)]
