"""Reference: Gaussian naive Bayes in NumPy, with scikit-learn's GaussianNB semantics."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes = np.unique(y)
    # Row i of every table belongs to classes[i]: a label such as 9 is a value
    # to compare with, never a row number.
    members = [X[y == c] for c in classes]
    mean = np.stack([m.mean(axis=0) for m in members])
    var = np.stack([m.var(axis=0) for m in members])
    # A feature constant within a class has variance 0, and its density would
    # divide by 0. Adding a share of the largest feature variance of all of X
    # keeps every variance positive and scales with the data's units.
    var = var + var_smoothing * X.var(axis=0).max()
    counts = np.array([len(m) for m in members], dtype=np.float64)
    log_prior = np.log(counts / len(y))
    return {"classes": classes, "log_prior": log_prior, "mean": mean, "var": var}


def _joint_log_likelihood(params, X):
    """log P(c) + sum_j log N(x_j; mean_cj, var_cj), shape (N, C), never leaving log space."""
    mean, var = params["mean"], params["var"]
    diff = X[:, None, :] - mean[None, :, :]
    log_density = -0.5 * (np.log(2 * np.pi * var) + diff**2 / var)
    return params["log_prior"] + log_density.sum(axis=-1)


def gaussian_nb_predict_log_proba(params, X):
    jll = _joint_log_likelihood(params, X)
    # log P(c | x) = jll - logsumexp(jll): shift by the row maximum so that the
    # sum is at least 1 even when every joint likelihood underflows.
    z = jll - jll.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def gaussian_nb_predict(params, X):
    return params["classes"][_joint_log_likelihood(params, X).argmax(axis=1)]
