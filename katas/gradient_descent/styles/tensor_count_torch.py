# expect: fail
"""WRONG: the count is kept as a 0-d tensor on x's device, and returned as one instead of a Python int."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.clone()
    steps = torch.zeros((), dtype=torch.int64, device=x0.device)
    while steps < n_steps:
        g = grad_fn(x)
        if tol is not None and torch.linalg.vector_norm(g) < tol:
            break
        x = x - lr * g
        steps += 1
    return x, steps
