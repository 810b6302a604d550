# expect: forbidden
"""Backward through autograd: re-runs a hand-written forward with requires_grad and calls torch.autograd.grad."""
import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    if not training:
        return gamma * (x - running_mean) / torch.sqrt(running_var + eps) + beta, running_mean, running_var
    n = x.shape[0]
    if n < 2:
        raise ValueError("batch too small")
    mean, var = x.mean(0), x.var(0, correction=0)
    out = gamma * (x - mean) / torch.sqrt(var + eps) + beta
    return out, (1 - momentum) * running_mean + momentum * mean, (1 - momentum) * running_var + momentum * var * n / (n - 1)


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    with torch.enable_grad():
        x = x.detach().requires_grad_()
        gamma = gamma.detach().requires_grad_()
        beta = torch.zeros_like(gamma, requires_grad=True)
        out = gamma * (x - x.mean(0)) / torch.sqrt(x.var(0, correction=0) + eps) + beta
        return torch.autograd.grad((out * dout).sum(), (x, gamma, beta))
