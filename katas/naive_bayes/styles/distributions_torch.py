# expect: pass
"""torch.distributions.Normal for the log densities; torch.logsumexp and
log_softmax for the normalisation; class statistics by index_add_."""

import torch
import torch.nn.functional as F
from torch.distributions import Normal


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, inverse, counts = torch.unique(y, return_inverse=True, return_counts=True)
    n = counts.to(X.dtype).unsqueeze(1)
    sums = torch.zeros(len(classes), X.shape[1], dtype=X.dtype, device=X.device).index_add_(0, inverse, X)
    mean = sums / n
    squares = torch.zeros_like(sums).index_add_(0, inverse, (X - mean[inverse]) ** 2)
    var = squares / n + var_smoothing * torch.var(X, dim=0, unbiased=False).max()
    return {"classes": classes, "log_prior": torch.log(n.squeeze(1) / len(y)), "mean": mean, "var": var}


def _joint(params, X):
    return params["log_prior"] + Normal(params["mean"], params["var"].sqrt()).log_prob(X.unsqueeze(1)).sum(-1)


def gaussian_nb_predict_log_proba(params, X):
    return F.log_softmax(_joint(params, X), dim=1)


def gaussian_nb_predict(params, X):
    joint = _joint(params, X)
    return params["classes"][(joint - torch.logsumexp(joint, 1, keepdim=True)).argmax(1)]
