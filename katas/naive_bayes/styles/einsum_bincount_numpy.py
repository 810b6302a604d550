# expect: pass
"""Class sums with np.add.at and counts with np.bincount; einsum for the
Mahalanobis-style term; log-posterior via searchsorted labels and a log-softmax."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes = np.unique(y)
    index = np.searchsorted(classes, y)
    counts = np.bincount(index, minlength=len(classes)).astype(np.float64)
    sums = np.zeros((len(classes), X.shape[1]))
    np.add.at(sums, index, X)
    mean = sums / counts[:, None]
    squares = np.zeros_like(sums)
    np.add.at(squares, index, (X - mean[index]) ** 2)
    spread = X - X.mean(axis=0)
    epsilon = var_smoothing * np.einsum("nd,nd->d", spread, spread).max() / len(X)
    return {"classes": classes, "log_prior": np.log(counts / counts.sum()), "mean": mean,
            "var": squares / counts[:, None] + epsilon}


def _joint(params, X):
    diff = X[:, None, :] - params["mean"]
    mahalanobis = np.einsum("ncd,ncd,cd->nc", diff, diff, 1.0 / params["var"])
    log_det = np.log(params["var"]).sum(axis=1)
    d = X.shape[1]
    return params["log_prior"] - 0.5 * (d * np.log(2 * np.pi) + log_det + mahalanobis)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    shifted = joint - joint.max(axis=1)[:, np.newaxis]
    return shifted - np.log(np.sum(np.exp(shifted), axis=1))[:, np.newaxis]


def gaussian_nb_predict(params, X):
    return params["classes"][np.argmax(_joint(params, X), axis=-1)]
