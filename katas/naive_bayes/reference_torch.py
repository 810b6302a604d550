"""Reference: Gaussian naive Bayes in PyTorch, with scikit-learn's GaussianNB semantics."""

import math

import torch


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes = torch.unique(y)
    # Row i of every table belongs to classes[i]: a label such as 9 is a value
    # to compare with, never a row number.
    members = [X[y == c] for c in classes]
    mean = torch.stack([m.mean(dim=0) for m in members])
    # correction=0: the biased (ddof 0) variance; torch's default divides by n - 1.
    var = torch.stack([m.var(dim=0, correction=0) for m in members])
    # A feature constant within a class has variance 0, and its density would
    # divide by 0. Adding a share of the largest feature variance of all of X
    # keeps every variance positive and scales with the data's units.
    var = var + var_smoothing * X.var(dim=0, correction=0).max()
    counts = torch.tensor([len(m) for m in members], dtype=X.dtype, device=X.device)
    log_prior = torch.log(counts / len(y))
    return {"classes": classes, "log_prior": log_prior, "mean": mean, "var": var}


def _joint_log_likelihood(params, X):
    """log P(c) + sum_j log N(x_j; mean_cj, var_cj), shape (N, C), never leaving log space."""
    mean, var = params["mean"], params["var"]
    diff = X[:, None, :] - mean[None, :, :]
    log_density = -0.5 * (torch.log(2 * math.pi * var) + diff**2 / var)
    return params["log_prior"] + log_density.sum(dim=-1)


def gaussian_nb_predict_log_proba(params, X):
    jll = _joint_log_likelihood(params, X)
    # log P(c | x) = jll - logsumexp(jll): shift by the row maximum so that the
    # sum is at least 1 even when every joint likelihood underflows.
    z = jll - jll.amax(dim=1, keepdim=True)
    return z - z.exp().sum(dim=1, keepdim=True).log()


def gaussian_nb_predict(params, X):
    return params["classes"][_joint_log_likelihood(params, X).argmax(dim=1)]
