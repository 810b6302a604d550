# expect: fail as input-modified
"""WRONG: x0.detach() shares x0's storage, so x -= lr * g changes the caller's tensor; values are right."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.detach()
    steps = 0
    while steps < n_steps:
        g = grad_fn(x)
        if tol is not None and torch.linalg.vector_norm(g) < tol:
            break
        x -= lr * g
        steps += 1
    return x, steps
