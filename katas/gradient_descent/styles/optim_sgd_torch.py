# expect: forbidden
"""FORBIDDEN: torch.optim.SGD does the update, with .grad set from grad_fn."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.clone().requires_grad_(True)
    optimizer = torch.optim.SGD([x], lr=lr)
    steps = 0
    for _ in range(n_steps):
        with torch.no_grad():
            g = grad_fn(x)
        if tol is not None and torch.linalg.vector_norm(g) < tol:
            break
        x.grad = g
        optimizer.step()
        steps += 1
    return x.detach(), steps
