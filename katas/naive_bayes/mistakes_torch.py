"""Classic mistakes of Gaussian naive Bayes, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import math

import torch


def _log_density(params, X):
    diff = X[:, None, :] - params["mean"][None, :, :]
    var = params["var"]
    return -0.5 * torch.log(2 * math.pi * var) - diff**2 / (2 * var)


def _pdf(params, X):
    diff = X[:, None, :] - params["mean"][None, :, :]
    var = params["var"]
    return torch.exp(-diff**2 / (2 * var)) / torch.sqrt(2 * math.pi * var)


def _normalise(jll):
    z = jll - jll.amax(dim=1, keepdim=True)
    return z - z.exp().sum(dim=1, keepdim=True).log()


def _fit(X, y, var, smoothing):
    classes = torch.unique(y)
    members = [X[y == c] for c in classes]
    mean = torch.stack([m.mean(dim=0) for m in members])
    counts = torch.tensor([len(m) for m in members], dtype=X.dtype, device=X.device)
    return {"classes": classes, "log_prior": torch.log(counts / len(y)), "mean": mean,
            "var": torch.stack([var(m) for m in members]) + smoothing}


class labels_as_indices:
    def gaussian_nb_fit(X, y, var_smoothing=1e-9):
        classes = torch.unique(y)
        mean = torch.zeros(len(classes), X.shape[1], dtype=X.dtype, device=X.device)
        var = torch.zeros_like(mean)
        prior = torch.zeros(len(classes), dtype=X.dtype, device=X.device)
        for c in classes.tolist():
            members = X[y == c]
            mean[c] = members.mean(dim=0)  # the label used as a row number: 9 is out of range
            var[c] = members.var(dim=0, correction=0)
            prior[c] = len(members) / len(y)
        var += var_smoothing * X.var(dim=0, correction=0).max()
        return {"classes": classes, "log_prior": torch.log(prior), "mean": mean, "var": var}


class predict_returns_index:
    def gaussian_nb_predict(params, X):
        jll = params["log_prior"] + _log_density(params, X).sum(dim=-1)
        return jll.argmax(dim=1)  # the row of the winning class, not its label


class log_of_each_density:
    def gaussian_nb_predict_log_proba(params, X):
        # exp(-z**2 / 2) underflows to 0 past about 14 standard deviations in float32, and log(0) is -inf
        jll = params["log_prior"] + torch.log(_pdf(params, X)).sum(dim=-1)
        return _normalise(jll)

    def gaussian_nb_predict(params, X):
        jll = params["log_prior"] + torch.log(_pdf(params, X)).sum(dim=-1)
        return params["classes"][jll.argmax(dim=1)]


class product_of_densities:
    def gaussian_nb_predict_log_proba(params, X):
        # the product of many small densities underflows to 0 for every class: 0 / 0
        joint = params["log_prior"].exp() * _pdf(params, X).prod(dim=-1)
        return torch.log(joint / joint.sum(dim=1, keepdim=True))

    def gaussian_nb_predict(params, X):
        joint = params["log_prior"].exp() * _pdf(params, X).prod(dim=-1)
        return params["classes"][joint.argmax(dim=1)]


class missing_minus:
    def gaussian_nb_predict_log_proba(params, X):
        diff = X[:, None, :] - params["mean"][None, :, :]
        var = params["var"]
        log_density = -0.5 * torch.log(2 * math.pi * var) + diff**2 / (2 * var)  # the exponent's minus is gone
        return _normalise(params["log_prior"] + log_density.sum(dim=-1))

    def gaussian_nb_predict(params, X):
        diff = X[:, None, :] - params["mean"][None, :, :]
        var = params["var"]
        log_density = -0.5 * torch.log(2 * math.pi * var) + diff**2 / (2 * var)
        return params["classes"][(params["log_prior"] + log_density.sum(dim=-1)).argmax(dim=1)]


class no_var_smoothing:
    def gaussian_nb_fit(X, y, var_smoothing=1e-9):
        # var_smoothing never used: a constant feature keeps variance 0
        return _fit(X, y, lambda m: m.var(dim=0, correction=0), 0.0)


class smoothing_not_scaled:
    def gaussian_nb_fit(X, y, var_smoothing=1e-9):
        # not times the largest feature variance
        return _fit(X, y, lambda m: m.var(dim=0, correction=0), var_smoothing)


class unbiased_variance:
    def gaussian_nb_fit(X, y, var_smoothing=1e-9):
        # torch's var divides by n - 1 unless told correction=0
        return _fit(X, y, lambda m: m.var(dim=0), var_smoothing * X.var(dim=0, correction=0).max())


class unnormalised_output:
    def gaussian_nb_predict_log_proba(params, X):
        return params["log_prior"] + _log_density(params, X).sum(dim=-1)  # log P(c, x), not log P(c | x)


class lse_without_max_shift:
    def gaussian_nb_predict_log_proba(params, X):
        jll = params["log_prior"] + _log_density(params, X).sum(dim=-1)
        return jll - jll.exp().sum(dim=1, keepdim=True).log()  # exp underflows to 0: jll - log(0)
