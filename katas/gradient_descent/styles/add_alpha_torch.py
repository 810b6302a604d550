# expect: pass
"""torch.add(x, g, alpha=-lr): one fused multiply-add per step; torch.norm for the norm."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.clone()
    steps = 0
    while steps < n_steps:
        g = grad_fn(x)
        if tol is not None and torch.norm(g) < tol:
            break
        x = torch.add(x, g, alpha=-lr)
        steps += 1
    return x, steps
