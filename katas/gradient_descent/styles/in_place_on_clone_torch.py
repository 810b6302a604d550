# expect: pass
"""for loop with an early return; x.sub_ on a clone of x0; the norm as a Python float through .item()."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.clone()
    for step in range(n_steps):
        g = grad_fn(x)
        if tol is not None and g.norm().item() < tol:
            return x, step
        x.sub_(lr * g)
    return x, n_steps
