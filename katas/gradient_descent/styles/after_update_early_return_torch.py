# expect: fail as tol-checked-after-update
"""WRONG: updates first and tests the new point, returning early; x0 itself is never tested."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.clone()
    for k in range(n_steps):
        x = x - lr * grad_fn(x)
        if tol is not None and torch.linalg.norm(grad_fn(x)) < tol:
            return x, k + 1
    return x, n_steps
