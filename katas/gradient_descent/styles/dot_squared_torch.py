# expect: pass
"""The squared norm torch.dot(g, g) against tol ** 2; x0 + 0 as the working copy; steps from a for-else."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0 + 0
    steps = 0
    for _ in range(n_steps):
        g = grad_fn(x)
        if tol is not None and torch.dot(g, g) < tol ** 2:
            break
        x = x - lr * g
        steps += 1
    return x, steps
