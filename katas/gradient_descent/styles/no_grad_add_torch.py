# expect: pass
"""An optimizer-like update by hand: empty_like(x0).copy_(x0), then x.add_(g, alpha=-lr) under no_grad; linalg.norm."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = torch.empty_like(x0).copy_(x0)
    steps = 0
    with torch.no_grad():
        while steps < n_steps:
            g = grad_fn(x)
            if tol is not None and bool(torch.linalg.norm(g) < tol):
                break
            x.add_(g, alpha=-lr)
            steps += 1
    return x, steps
