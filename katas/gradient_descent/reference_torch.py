"""Reference: plain gradient descent in PyTorch, without torch.optim."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    # clone, not detach: a detached tensor shares x0's storage, and an
    # in-place update would then change the caller's starting point.
    x = x0.detach().clone()
    steps = 0
    while steps < n_steps:
        g = grad_fn(x)
        # Checked before the update, so a starting point that already meets
        # tol is returned untouched, with 0 steps.
        if tol is not None and torch.linalg.vector_norm(g) < tol:
            break
        x = x - lr * g
        steps += 1
    return x, steps
