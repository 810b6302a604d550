"""Classic mistakes of batchnorm, torch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


def _check_batch(x):
    if x.shape[0] < 2:
        raise ValueError("expected more than 1 sample per feature in training")


def _eval(x, gamma, beta, running_mean, running_var, eps):
    out = (x - running_mean) / torch.sqrt(running_var + eps) * gamma + beta
    return out, running_mean.clone(), running_var.clone()


def _grads(dout, x, gamma, eps, keep_mean_term=True, keep_var_term=True):
    """dx, dgamma, dbeta with the paths through the batch mean and variance optionally dropped."""
    n = x.shape[0]
    mean = x.mean(dim=0)
    inv_std = torch.rsqrt(x.var(dim=0, correction=0) + eps)
    xhat = (x - mean) * inv_std
    dbeta = dout.sum(dim=0)
    dgamma = (dout * xhat).sum(dim=0)
    inner = n * dout - keep_mean_term * dbeta - keep_var_term * xhat * dgamma
    return gamma * inv_std / n * inner, dgamma, dbeta


class eps_outside_sqrt:
    def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
        if not training:
            out = (x - running_mean) / (torch.sqrt(running_var) + eps) * gamma + beta  # sqrt(var) + eps
            return out, running_mean.clone(), running_var.clone()
        _check_batch(x)
        n = x.shape[0]
        mean, var = x.mean(dim=0), x.var(dim=0, correction=0)
        out = (x - mean) / (torch.sqrt(var) + eps) * gamma + beta  # sqrt(var) + eps, not sqrt(var + eps)
        new_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
        return out, (1 - momentum) * running_mean + momentum * mean, new_var

    def batchnorm_backward(dout, x, gamma, eps=1e-5):
        n = x.shape[0]
        inv_std = 1.0 / (x.std(dim=0, correction=0) + eps)  # eps outside the root again
        xhat = (x - x.mean(dim=0)) * inv_std
        dbeta = dout.sum(dim=0)
        dgamma = (dout * xhat).sum(dim=0)
        return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta


class momentum_reversed:
    def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
        if not training:
            return _eval(x, gamma, beta, running_mean, running_var, eps)
        _check_batch(x)
        mean, var = x.mean(dim=0), x.var(dim=0, correction=0)
        out = (x - mean) / torch.sqrt(var + eps) * gamma + beta
        new_mean = momentum * running_mean + (1 - momentum) * mean  # momentum on the old value
        new_var = momentum * running_var + (1 - momentum) * x.var(dim=0)
        return out, new_mean, new_var


class unbiased_variance_normalising:
    def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
        if not training:
            return _eval(x, gamma, beta, running_mean, running_var, eps)
        _check_batch(x)
        mean, var = x.mean(dim=0), x.var(dim=0)  # torch.var divides by N - 1 by default
        out = (x - mean) / torch.sqrt(var + eps) * gamma + beta
        return out, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * var

    def batchnorm_backward(dout, x, gamma, eps=1e-5):
        n = x.shape[0]
        inv_std = torch.rsqrt(x.var(dim=0) + eps)  # N - 1 again
        xhat = (x - x.mean(dim=0)) * inv_std
        dbeta = dout.sum(dim=0)
        dgamma = (dout * xhat).sum(dim=0)
        return gamma * inv_std / n * (n * dout - dbeta - xhat * dgamma), dgamma, dbeta


class biased_running_variance:
    def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
        if not training:
            return _eval(x, gamma, beta, running_mean, running_var, eps)
        _check_batch(x)
        mean, var = x.mean(dim=0), x.var(dim=0, correction=0)
        out = (x - mean) / torch.sqrt(var + eps) * gamma + beta
        new_var = (1 - momentum) * running_var + momentum * var  # the biased var, not var * N / (N - 1)
        return out, (1 - momentum) * running_mean + momentum * mean, new_var


class batch_stats_in_eval:
    def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
        mean, var = x.mean(dim=0), x.var(dim=0, correction=0)  # whatever the mode
        out = (x - mean) / torch.sqrt(var + eps) * gamma + beta
        if not training:
            return out, running_mean.clone(), running_var.clone()
        _check_batch(x)
        n = x.shape[0]
        new_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
        return out, (1 - momentum) * running_mean + momentum * mean, new_var


class eval_updates_running_stats:
    def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
        n = x.shape[0]
        mean, var = x.mean(dim=0), x.var(dim=0, correction=0)
        # The running statistics move in both modes.
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * x.var(dim=0) if n > 1 else running_var.clone()
        if not training:
            out = (x - running_mean) / torch.sqrt(running_var + eps) * gamma + beta
            return out, new_mean, new_var
        _check_batch(x)
        return (x - mean) / torch.sqrt(var + eps) * gamma + beta, new_mean, new_var


class statistics_over_features:
    def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
        if not training:
            return _eval(x, gamma, beta, running_mean, running_var, eps)
        _check_batch(x)
        mean = x.mean(dim=1, keepdim=True)  # one statistic per sample: LayerNorm's dim
        var = x.var(dim=1, correction=0, keepdim=True)
        out = (x - mean) / torch.sqrt(var + eps) * gamma + beta
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * x.var(dim=1, keepdim=True)
        return out, new_mean, new_var


class dx_ignores_statistics:
    def batchnorm_backward(dout, x, gamma, eps=1e-5):
        _, dgamma, dbeta = _grads(dout, x, gamma, eps)
        return dout * gamma * torch.rsqrt(x.var(dim=0, correction=0) + eps), dgamma, dbeta  # mean and var held constant


class dx_misses_variance_term:
    def batchnorm_backward(dout, x, gamma, eps=1e-5):
        return _grads(dout, x, gamma, eps, keep_var_term=False)
