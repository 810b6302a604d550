# expect: pass
"""Everything computed in float64 and cast back to the input's dtype at the end."""

import torch


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    X64 = X.double()
    classes = torch.unique(y)
    rows = [X64[y == c] for c in classes]
    mean = torch.stack([r.mean(0) for r in rows])
    var = torch.stack([r.var(0, correction=0) for r in rows]) + var_smoothing * X64.var(0, correction=0).max()
    prior = torch.tensor([len(r) for r in rows], dtype=torch.float64, device=X.device) / len(y)
    return {"classes": classes, "log_prior": prior.log().to(X.dtype), "mean": mean.to(X.dtype),
            "var": var.to(X.dtype)}


def _joint(params, X):
    mean, var, log_prior = (params[k].double() for k in ("mean", "var", "log_prior"))
    diff = X.double().unsqueeze(1) - mean
    return log_prior - 0.5 * (torch.log(2 * torch.pi * var) + diff * diff / var).sum(2)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    return (joint - torch.logsumexp(joint, dim=1, keepdim=True)).to(X.dtype)


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(1)]
